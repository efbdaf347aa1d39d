namespace Velib.Contracts.Feed;

/// <summary>Where station data comes from.</summary>
public enum FeedMode
{
    /// <summary>The live feed, falling back to the simulated network when it cannot be reached at start.</summary>
    Auto = 0,
    /// <summary>The configured GBFS feed only.</summary>
    Live = 1,
    /// <summary>The built-in simulated Paris network. Always flagged as such.</summary>
    Simulated = 2,
}
