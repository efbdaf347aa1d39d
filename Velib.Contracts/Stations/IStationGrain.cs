namespace Velib.Contracts.Stations;

/// <summary>One per station (key: GBFS <c>station_id</c>). Owns the latest state and the last 24 h of changes.</summary>
public interface IStationGrain : IGrainWithIntegerKey
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
