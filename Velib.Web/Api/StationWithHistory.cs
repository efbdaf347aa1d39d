using Velib.Contracts.Stations;

namespace Velib.Web.Api;

/// <summary>The body of <c>/api/stations/{id}</c>: the station's fields, flat, plus its recent changes.</summary>
public sealed record StationWithHistory(
    long Id, string Code, string Name, double Lat, double Lon, int Capacity, int Mechanical, int Ebike, int Docks,
    bool Installed, bool Renting, bool Returning, DateTime? LastReportedUtc, DateTime? LastChangeUtc,
    IReadOnlyList<HistoryPoint> History)
{
    public static StationWithHistory From(StationDetail detail)
    {
        var s = detail.Station;
        return new(s.Id, s.Code, s.Name, s.Lat, s.Lon, s.Capacity, s.Mechanical, s.Ebike, s.Docks, s.Installed, s.Renting,
            s.Returning, s.LastReportedUtc, s.LastChangeUtc, [.. detail.History.Select(HistoryPoint.From)]);
    }
}
