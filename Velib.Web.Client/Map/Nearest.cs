using Velib.Contracts.Stations;

namespace Velib.Web.Map;

/// <summary>The stations nearest to the rider that match the filter.</summary>
public static class Nearest
{
    public static IReadOnlyList<(Station Station, double Meters)> Find(IEnumerable<Station> stations, double lat, double lon, StationFilter filter, int count = 5) =>
        [.. stations.Where(s => HasPosition(s) && filter.Matches(s))
            .Select(s => (s, Meters(lat, lon, s.Lat, s.Lon)))
            .OrderBy(x => x.Item2)
            .Take(count)];

    /// <summary>Stations missing from station_information come without a position.</summary>
    public static bool HasPosition(Station s) => s.Lat != 0 || s.Lon != 0;

    public static double Meters(double lat1, double lon1, double lat2, double lon2)
    {
        const double R = 6_371_000;
        double Rad(double d) => d * Math.PI / 180;
        var a = Math.Pow(Math.Sin(Rad(lat2 - lat1) / 2), 2) + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Pow(Math.Sin(Rad(lon2 - lon1) / 2), 2);
        return 2 * R * Math.Asin(Math.Sqrt(a));
    }
}
