namespace Velib.Web.Map;

/// <summary>The filters a rider can choose.</summary>
public enum StationNeed
{
    Any,
    MechanicalBike,
    Ebike,
    FreeDock,
}
