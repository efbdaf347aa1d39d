using Velib.Contracts.Stations;
using Velib.Silo.Feed;
using Velib.Silo.Stations;
using Velib.Tests.Support;

namespace Velib.Tests.Stations;

public sealed class ChangeDetectionTests
{
    [SharedDataFact]
    public void Changes_across_the_recorded_afternoon_match_the_published_counts()
    {
        var dir = SharedData.Velib("timeseries-2025-11-10");
        var info = GbfsParser.ParseInformation(SharedData.Bytes(Path.Combine(dir, "station_information_20251110_133043.json")))
            .Stations.ToDictionary(s => s.Id);
        var previous = new Dictionary<long, Station>();
        var counts = new List<int>();
        foreach (var file in Directory.GetFiles(dir, "station_status_*.json").Order())
        {
            var status = GbfsParser.ParseStatus(SharedData.Bytes(file), VehicleTypeTable.Empty);
            Assert.Equal(1499, status.Stations.Count);
            var diff = NetworkDiff.Compute(previous, NetworkJoin.Join(info, status.Stations, out _), DateTime.UtcNow);
            counts.Add(diff.ForGrains.Count);
            previous = diff.Stations.ToDictionary(s => s.Id);
        }

        Assert.Equal([1499, 952, 685, 552, 1116, 930, 704, 757], counts);
    }

    [SharedDataFact]
    public void Last_reported_alone_is_not_a_change()
    {
        var status = GbfsParser.ParseStatus(SharedData.Bytes(SharedData.Velib("station_status.json")), VehicleTypeTable.Empty);
        var first = NetworkJoin.Join(new Dictionary<long, StationInfo>(), status.Stations, out var unknown);
        var baseline = NetworkDiff.Compute(new Dictionary<long, Station>(), first, DateTime.UtcNow).Stations.ToDictionary(s => s.Id);
        var later = baseline.Values.Select(s => s with { LastReportedUtc = s.LastReportedUtc?.AddHours(1), LastChangeUtc = null }).ToList();

        var diff = NetworkDiff.Compute(baseline, later, DateTime.UtcNow);

        Assert.Equal(1495, unknown);
        Assert.Empty(diff.ForGrains);
        Assert.Equal(1495, diff.Changed.Count); // still pushed, so readers see the new last_reported
    }
}
