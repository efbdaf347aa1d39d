namespace Velib.Contracts.Systems;

/// <summary>
/// One system as <c>/api/systems</c> lists it: sent one-way by the system's ingestion grain to the directory after
/// each cycle, so listing 1,520 systems is one call, not 1,520.
/// </summary>
/// <param name="Id">Our id.</param>
/// <param name="Name">The name riders know (from configuration or the catalogue).</param>
/// <param name="Kind">Docked, free-floating or both, from the feeds the discovery document lists.</param>
/// <param name="Health">How ingestion is doing.</param>
/// <param name="Reason">Why the system is failing or stale (no URL query or credentials in it); null when fine.</param>
/// <param name="LastSuccessUtc">End of the last cycle that applied a document.</param>
/// <param name="FeedUpdatedUtc">The feed's own timestamp of its latest applied document.</param>
/// <param name="Stations">Stations in the latest snapshot.</param>
/// <param name="Vehicles">Free-floating vehicles in the latest snapshot.</param>
/// <param name="Bounds">Where the system's stations and vehicles are; null before the first success.</param>
/// <param name="Version">The system's network version (its stream's ids).</param>
/// <param name="Interval">The poll interval in force (the feed's ttl within bounds, or the backoff).</param>
[GenerateSerializer, Immutable, Alias("velib.SystemSummary")]
public sealed record SystemSummary(
    [property: Id(0)] SystemId Id,
    [property: Id(1)] string Name,
    [property: Id(2)] SystemKind Kind,
    [property: Id(3)] SystemHealth Health,
    [property: Id(4)] string? Reason,
    [property: Id(5)] DateTime? LastSuccessUtc,
    [property: Id(6)] DateTime? FeedUpdatedUtc,
    [property: Id(7)] int Stations,
    [property: Id(8)] int Vehicles,
    [property: Id(9)] BoundingBox? Bounds,
    [property: Id(10)] long Version,
    [property: Id(11)] TimeSpan Interval);
