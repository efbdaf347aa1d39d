namespace Velib.Silo.Feed;

/// <summary>Where GBFS documents come from: the live feed over HTTP, or the simulated network.</summary>
internal interface IFeedSource
{
    /// <summary>True for the built-in simulated network: every consumer must flag it.</summary>
    bool Simulated { get; }

    /// <summary>The discovery URL, or <c>simulated://velib</c>.</summary>
    string Url { get; }

    /// <summary>Fetches station_status, plus station_information (and vehicle_types) when asked.</summary>
    Task<FeedDocuments> FetchAsync(bool withInformation, CancellationToken cancellationToken);
}
