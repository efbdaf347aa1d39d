using Velib.Contracts.Stations;

namespace Velib.Silo.Feed;

/// <summary>Joins station_status with station_information into normalized stations.</summary>
internal static class NetworkJoin
{
    /// <summary>
    /// One station per status record, in feed order. A station missing from the information document is kept
    /// (its counts are real) with its id as name and no position, and reported in <paramref name="unknown"/>
    /// so that the caller re-reads station_information.
    /// </summary>
    public static List<Station> Join(IReadOnlyDictionary<long, StationInfo> information,
        IReadOnlyList<StationStatusRecord> status, out int unknown)
    {
        unknown = 0;
        var stations = new List<Station>(status.Count);
        foreach (var s in status)
        {
            if (!information.TryGetValue(s.Id, out var info))
            {
                unknown++;
                var code = s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
                info = new StationInfo(s.Id, code, $"Station {code}", 0, 0, 0);
            }
            stations.Add(new Station(s.Id, info.Code, info.Name, info.Lat, info.Lon, info.Capacity,
                s.Mechanical, s.Ebike, s.Docks, s.Installed, s.Renting, s.Returning, s.LastReportedUtc, null));
        }
        return stations;
    }
}
