namespace Velib.Contracts.Feed;

/// <summary>Health of one feed's ingestion, as served by <c>/api/status</c>.</summary>
/// <param name="Mode">The source actually in use: <c>live</c> or <c>simulated</c> (never <c>auto</c>).</param>
/// <param name="Url">The discovery URL polled, or a <c>simulated:</c> URI.</param>
/// <param name="LastSuccessUtc">End of the last cycle that applied a document.</param>
/// <param name="FeedLastUpdatedUtc">The feed's own timestamp of the last applied status document.</param>
/// <param name="Stations">Stations in the current snapshot.</param>
/// <param name="LastCycleMs">Duration of the last cycle, in milliseconds.</param>
/// <param name="ConsecutiveFailures">Failed cycles since the last success.</param>
/// <param name="LastError">Reason of the last failed cycle, cleared by a success.</param>
/// <param name="Stale">True when no successful poll, or no new feed data, for 3 poll intervals.</param>
/// <param name="SkippedRecords">Invalid station records skipped in the last successful cycle.</param>
/// <param name="Silo">The silo hosting the ingestion grain (<c>host:port</c> of its silo endpoint).</param>
/// <param name="InformationLastUpdatedUtc">The station_information document's own timestamp; the status can be older than it.</param>
[GenerateSerializer, Immutable, Alias("velib.FeedStatus")]
public sealed record FeedStatus(
    [property: Id(0)] string Mode,
    [property: Id(1)] string Url,
    [property: Id(2)] DateTime? LastSuccessUtc,
    [property: Id(3)] DateTime? FeedLastUpdatedUtc,
    [property: Id(4)] int Stations,
    [property: Id(5)] double? LastCycleMs,
    [property: Id(6)] int ConsecutiveFailures,
    [property: Id(7)] string? LastError,
    [property: Id(8)] bool Stale,
    [property: Id(9)] int SkippedRecords,
    [property: Id(10)] DateTime? InformationLastUpdatedUtc = null,
    [property: Id(11)] string? Silo = null);
