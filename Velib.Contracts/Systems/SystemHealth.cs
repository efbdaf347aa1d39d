namespace Velib.Contracts.Systems;

/// <summary>How a system's ingestion is doing, as <c>/api/systems</c> and the dashboard show it.</summary>
public enum SystemHealth
{
    /// <summary>Configured, no cycle has succeeded yet.</summary>
    Starting,

    /// <summary>The last cycle succeeded and the feed's data is fresh.</summary>
    Ok,

    /// <summary>Cycles succeed but the feed's own data has not moved for 3 intervals, or no cycle succeeded for 3 intervals.</summary>
    Stale,

    /// <summary>The last cycle failed; the summary's reason says why.</summary>
    Failing,
}
