namespace Velib.Contracts.Stations;

/// <summary>
/// One per station, keyed by (station key, system id): the key is <c>StationIds.FromText</c> of the GBFS
/// <c>station_id</c> and the key extension the <see cref="Systems.SystemId"/>, so two systems' stations never share a
/// grain and nothing is parsed per call. Owns the latest state and the last 24 h of changes.
/// </summary>
public interface IStationGrain : IGrainWithIntegerCompoundKey
{
    /// <summary>
    /// Applies an observation: a change to the history when counts or flags differ from the last one (the first
    /// observation after activation always counts). Idempotent for equal input; an older observation is ignored.
    /// </summary>
    Task Apply(Station observed, DateTime observedUtc, DateTime feedUpdatedUtc);

    /// <summary>The latest state and last 24 h of changes, or null if the station was never observed.</summary>
    [AlwaysInterleave]
    Task<StationDetail?> GetDetail();
}
