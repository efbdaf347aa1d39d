using Velib.Contracts.Stations;

namespace Velib.Web.Api;

/// <summary>One change in a station's history: when we saw it, and the counts from then on.</summary>
public sealed record HistoryPoint(DateTime ObservedUtc, int Mechanical, int Ebike, int Docks, bool Installed, bool Renting, bool Returning)
{
    public static HistoryPoint From(StationChange c) => new(c.ObservedUtc, c.Mechanical, c.Ebike, c.Docks, c.Installed, c.Renting, c.Returning);
}
