namespace Velib.Contracts.Systems;

/// <summary>What a system offers: stations with docks, vehicles parked anywhere, or both.</summary>
public enum SystemKind
{
    /// <summary>Stations only (GBFS station_information and station_status).</summary>
    Docked,

    /// <summary>Vehicles only (free_bike_status or vehicle_status).</summary>
    FreeFloating,

    /// <summary>Both.</summary>
    Mixed,
}
