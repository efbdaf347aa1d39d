using Velib.Contracts.Stations;
using Velib.Web.Map;

namespace Velib.Web.Api;

/// <summary>
/// One station on the wire: in <c>/api/stations</c>, the stream's events and the page's one copy of the network,
/// which draws, colours, counts and filters from it as is. Names live in <c>/api/stations/information</c> and the
/// change times in <c>/api/stations/{id}</c>, so that the whole network, sent every poll, stays small; positions are
/// rounded to 5 decimals (about a metre). <see cref="Availability"/> is decided here, by <see cref="Map.Availability"/>,
/// so the browser never applies a rule of its own.
/// </summary>
public sealed record StationJson(long Id, string Code, double Lat, double Lon, int Capacity, int Mechanical, int Ebike, int Docks,
    bool Installed, bool Renting, bool Returning, string Availability)
{
    public static StationJson From(Station s) => new(s.Id, s.Code, Math.Round(s.Lat, 5), Math.Round(s.Lon, 5), s.Capacity,
        s.Mechanical, s.Ebike, s.Docks, s.Installed, s.Renting, s.Returning, Map.Availability.Of(s));
}
