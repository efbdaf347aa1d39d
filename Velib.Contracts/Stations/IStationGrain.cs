namespace Velib.Contracts.Stations;

/// <summary>One per station (key: GBFS <c>station_id</c>). Owns the latest state and the last 24 h of changes.</summary>
public interface IStationGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Applies an observation. Returns the change when counts or flags differ from the last one
    /// (the first observation after activation always counts), or null. Idempotent for equal input.
    /// </summary>
    Task<StationChange?> Apply(Station observed, DateTime observedUtc, DateTime feedUpdatedUtc);

    /// <summary>The latest state and last 24 h of changes, or null if the station was never observed.</summary>
    [AlwaysInterleave]
    Task<StationDetail?> GetDetail();
}
