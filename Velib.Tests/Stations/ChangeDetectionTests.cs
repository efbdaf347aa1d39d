using Velib.Contracts.Stations;
using Velib.Silo.Feed;
using Velib.Silo.Ingestion;
using Velib.Silo.Stations;
using Velib.Tests.Support;

namespace Velib.Tests.Stations;

[Unit]
public sealed class ChangeDetectionTests
{
    [SharedDataFact]
    public void The_ingest_cycle_finds_the_published_number_of_changes_across_the_recorded_afternoon()
    {
        var dir = SharedData.Velib("timeseries-2025-11-10");
        var information = SharedData.Bytes(Path.Combine(dir, "station_information_20251110_133043.json"));
        var catalog = new FeedCatalog(TimeSpan.FromHours(1));
        var previous = new Dictionary<long, Station>();
        var counts = new List<int>();
        var observed = new DateTime(2025, 11, 10, 13, 30, 0, DateTimeKind.Utc);
        foreach (var file in Directory.GetFiles(dir, "station_status_*.json").Order())
        {
            observed = observed.AddMinutes(10);
            var cycle = IngestCycle.Run(catalog, new FeedDocuments(SharedData.Bytes(file), catalog.IsDue(observed) ? information : (ReadOnlyMemory<byte>?)null, null), previous, observed);
            catalog.Commit(cycle.Parsed);
            Assert.Equal(1499, cycle.Parsed.Stations.Count);
            // Each change is the station's new availability, at this poll.
            Assert.All(cycle.Changes, c => Assert.Equal(observed, c.ObservedUtc));
            var now = cycle.Diff.Stations.ToDictionary(s => s.Id);
            Assert.All(cycle.Changes, c => Assert.Equal((now[c.StationId].Mechanical, now[c.StationId].Ebike, now[c.StationId].Docks), (c.Mechanical, c.Ebike, c.Docks)));
            counts.Add(cycle.Changes.Length);
            previous = now;
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
