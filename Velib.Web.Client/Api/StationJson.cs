using Velib.Contracts.Stations;

namespace Velib.Web.Api;

/// <summary>
/// One station in <c>/api/stations</c>: what a map needs to draw and colour it. Names live in
/// <c>/api/stations/information</c> and the change times in <c>/api/stations/{id}</c>, so that the whole network,
/// sent every poll, stays under 40 KB gzipped; positions are rounded to 5 decimals (about a metre).
/// </summary>
public sealed record StationJson(long Id, string Code, double Lat, double Lon, int Capacity, int Mechanical, int Ebike, int Docks,
    bool Installed, bool Renting, bool Returning)
{
    public static StationJson From(Station s) => new(s.Id, s.Code, Math.Round(s.Lat, 5), Math.Round(s.Lon, 5), s.Capacity,
        s.Mechanical, s.Ebike, s.Docks, s.Installed, s.Renting, s.Returning);
}
