using Velib.Contracts.Systems;

namespace Velib.Contracts.Stations;

/// <summary>The one way to address a station grain, so no caller builds its compound key by hand.</summary>
public static class StationGrains
{
    /// <summary>The grain of station <paramref name="key"/> in <paramref name="system"/>.</summary>
    public static IStationGrain GetStation(this IGrainFactory grains, SystemId system, long key) =>
        grains.GetGrain<IStationGrain>(key, system.Value);
}
