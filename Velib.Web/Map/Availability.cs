using Velib.Contracts.Stations;

namespace Velib.Web.Map;

/// <summary>The availability class that colours a marker. The numbers are always shown too.</summary>
public static class Availability
{
    public const string OutOfService = "out", Empty = "empty", Low = "low", Ok = "ok", Full = "full";

    /// <summary>At most this many bikes is "low".</summary>
    public const int LowBikes = 2;

    public static string Of(Station s) =>
        !s.Installed || !s.Renting ? OutOfService
        : s.Mechanical + s.Ebike == 0 ? Empty
        : s.Docks == 0 ? Full
        : s.Mechanical + s.Ebike <= LowBikes ? Low
        : Ok;

    public static string Label(string availability) => availability switch
    {
        OutOfService => "Out of service",
        Empty => "No bike",
        Low => "Few bikes",
        Full => "No free dock",
        _ => "Bikes and docks",
    };
}
