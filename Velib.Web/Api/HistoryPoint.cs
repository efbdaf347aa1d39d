using Velib.Contracts.Stations;

namespace Velib.Web.Api;

/// <summary>One change in a station's history: when we saw it, and the counts from then on.</summary>
public sealed record HistoryPoint(DateTime ObservedUtc, int Mechanical, int Ebike, int Docks, bool Installed, bool Renting, bool Returning)
{
    /// <summary>Back to a change, for a reader of the API: the feed's own time is not in the API, the poll time stands for it.</summary>
    public StationChange ToChange(long stationId, string code) =>
        new(stationId, code, ObservedUtc, ObservedUtc, Mechanical, Ebike, Docks, Installed, Renting, Returning, null);

    public static HistoryPoint From(StationChange c) => new(c.ObservedUtc, c.Mechanical, c.Ebike, c.Docks, c.Installed, c.Renting, c.Returning);
}
