using Velib.Silo.Feed;
using Velib.Tests.Support;

namespace Velib.Tests.Feed;

[Unit]
public sealed class GbfsParserTests
{
    [SharedDataFact]
    public void The_real_velib_status_file_gives_the_published_totals()
    {
        var doc = GbfsParser.ParseStatus(SharedData.Bytes(SharedData.Velib("station_status.json")), VehicleTypeTable.Empty);

        Assert.Equal(1495, doc.Stations.Count);
        Assert.Equal(0, doc.Skipped);
        Assert.Equal(11052, doc.Stations.Sum(s => s.Mechanical));
        Assert.Equal(7015, doc.Stations.Sum(s => s.Ebike));
        Assert.Equal(18067, doc.Stations.Sum(s => s.Mechanical + s.Ebike));
        Assert.Equal(27893, doc.Stations.Sum(s => s.Docks));
        Assert.Equal(1484, doc.Stations.Count(s => s.Installed));
        Assert.Equal(1462, doc.Stations.Count(s => s.Renting));
        Assert.Equal(new DateTime(2025, 10, 18, 9, 9, 16, DateTimeKind.Utc), doc.Header.LastUpdatedUtc);
    }

    [SharedDataFact]
    public void Station_ids_above_two_to_the_31_survive_in_both_documents()
    {
        var status = GbfsParser.ParseStatus(SharedData.Bytes(SharedData.Velib("station_status.json")), VehicleTypeTable.Empty);
        var info = GbfsParser.ParseInformation(SharedData.Bytes(SharedData.Velib("station_information.json")));

        Assert.Equal(218, status.Stations.Count(s => s.Id >= 1L << 31));
        Assert.Equal(218, info.Stations.Count(s => s.Id >= 1L << 31));
        Assert.True(status.Stations.Max(s => s.Id) > 20_000_000_000L);
        Assert.Equal(status.Stations.Select(s => s.Id).Order(), info.Stations.Select(s => s.Id).Order());
    }

    [SharedDataFact]
    public void The_real_velib_information_file_gives_codes_names_places_and_capacity()
    {
        var doc = GbfsParser.ParseInformation(SharedData.Bytes(SharedData.Velib("station_information.json")));

        Assert.Equal(1495, doc.Stations.Count);
        Assert.Equal(47434, doc.Stations.Sum(s => s.Capacity));
        Assert.Equal(16, doc.Stations.Count(s => s.Capacity == 0));
        Assert.Equal(1495, doc.Stations.Select(s => s.Code).Distinct().Count());
        Assert.All(doc.Stations, s => Assert.InRange(s.Lat, 48.6, 49.1));
        Assert.All(doc.Stations, s => Assert.InRange(s.Lon, 2.0, 2.7));
        Assert.Contains(doc.Stations, s => s.Code == "16107" && s.Name.Length > 0);
    }

    [SharedDataFact]
    public void Discovery_of_a_gbfs_2_3_feed_lists_its_documents()
    {
        var feeds = GbfsParser.ParseDiscovery(SharedData.Bytes(SharedData.Schema("testFixtures", "v2.3", "gbfs.json")));

        Assert.Equal("https://test.com/station_status", feeds["station_status"]);
        Assert.Equal("https://test.com/station_information", feeds["station_information"]);
    }

    [SharedDataFact]
    public void A_gbfs_2_3_feed_with_booleans_and_vehicle_types_is_normalized()
    {
        var types = GbfsParser.ParseVehicleTypes(SharedData.Bytes(SharedData.Schema("testFixtures", "v2.3", "vehicle_types.json")));
        var status = GbfsParser.ParseStatus(SharedData.Bytes(SharedData.Schema("testFixtures", "v2.3", "station_status.json")), types);
        var info = GbfsParser.ParseInformation(SharedData.Bytes(SharedData.Schema("testFixtures", "v2.3", "station_information.json")));

        var first = status.Stations[0];
        Assert.Equal(StationIds.FromText("TST:Station:1"), first.Id);
        Assert.True(first.Installed && first.Renting && first.Returning);
        Assert.Equal((0, 1, 3), (first.Mechanical, first.Ebike, first.Docks)); // 1 electric scooter, 0 city bikes
        Assert.Equal(new DateTime(2025, 7, 2, 6, 21, 3, DateTimeKind.Utc), status.Header.LastUpdatedUtc);
        Assert.Equal("2.3", status.Header.Version);
        Assert.Equal("Cool bikes", info.Stations[0].Name);
        Assert.Equal("TST:Station:1", info.Stations[0].Code);
    }

    [SharedDataFact]
    public void A_gbfs_3_0_feed_with_rfc3339_times_and_localized_names_is_normalized()
    {
        var types = GbfsParser.ParseVehicleTypes(SharedData.Bytes(SharedData.Schema("testFixtures", "v3.0", "vehicle_types.json")));
        var status = GbfsParser.ParseStatus(SharedData.Bytes(SharedData.Schema("testFixtures", "v3.0", "station_status.json")), types);
        var info = GbfsParser.ParseInformation(SharedData.Bytes(SharedData.Schema("testFixtures", "v3.0", "station_information.json")));
        var feeds = GbfsParser.ParseDiscovery(SharedData.Bytes(SharedData.Schema("testFixtures", "v3.0", "gbfs.json")));

        Assert.Equal(new DateTime(2019, 7, 4, 13, 33, 3, 969, DateTimeKind.Utc), status.Header.LastUpdatedUtc);
        Assert.Equal(new DateTime(2019, 7, 4, 13, 33, 3, 969, DateTimeKind.Utc), status.Stations[0].LastReportedUtc);
        Assert.Equal("2 ROUES", info.Stations[0].Name);
        Assert.Equal(status.Stations[0].Id, info.Stations[0].Id);
        Assert.EndsWith("station-status", feeds["station_status"]);
    }
}
