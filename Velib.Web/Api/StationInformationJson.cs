using Velib.Contracts.Stations;

namespace Velib.Web.Api;

/// <summary>One station in <c>/api/stations/information</c>: what changes rarely (the station_information part).</summary>
public sealed record StationInformationJson(long Id, string Code, string Name, double Lat, double Lon, int Capacity)
{
    public static StationInformationJson From(Station s) => new(s.Id, s.Code, s.Name, s.Lat, s.Lon, s.Capacity);
}
