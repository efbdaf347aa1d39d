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

    /// <summary>The key of the class's label in the web's strings (<see cref="Text"/>).</summary>
    public static string LabelKey(string availability) => "a-" + availability;
}
