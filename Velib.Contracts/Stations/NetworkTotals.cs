namespace Velib.Contracts.Stations;

/// <summary>
/// Network totals: shown above the map, and the silo's network gauges, so both always agree. Empty and full count
/// installed stations only.
/// </summary>
public sealed record NetworkTotals(int Stations, int Bikes, int Mechanical, int Ebikes, int FreeDocks, int EmptyStations, int FullStations)
{
    public static NetworkTotals Of(IEnumerable<Station> stations)
    {
        int count = 0, mechanical = 0, ebikes = 0, docks = 0, empty = 0, full = 0;
        foreach (var s in stations)
        {
            count++;
            mechanical += s.Mechanical;
            ebikes += s.Ebike;
            docks += s.Docks;
            if (s.Installed && s.Mechanical + s.Ebike == 0) empty++;
            if (s.Installed && s.Docks == 0) full++;
        }
        return new NetworkTotals(count, mechanical + ebikes, mechanical, ebikes, docks, empty, full);
    }
}
