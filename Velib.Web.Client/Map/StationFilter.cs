using Velib.Contracts.Stations;

namespace Velib.Web.Map;

/// <summary>What the rider needs; stations that do not qualify are dimmed on the map.</summary>
public sealed record StationFilter(StationNeed Need, int Minimum)
{
    public static StationFilter None { get; } = new(StationNeed.Any, 1);

    public bool Matches(Station s) => Need switch
    {
        StationNeed.MechanicalBike => s.Installed && s.Renting && s.Mechanical >= Minimum,
        StationNeed.Ebike => s.Installed && s.Renting && s.Ebike >= Minimum,
        StationNeed.FreeDock => s.Installed && s.Returning && s.Docks >= Minimum,
        _ => true,
    };
}
