using Velib.Lake.Import;
using Velib.Tests.Support;

namespace Velib.Tests.Import;

/// <summary>The real shared history (3,477 snapshots) imported into a real s3rver and read back.</summary>
[Integration]
public sealed class SharedHistoryImportTests(SharedS3 shared) : IClassFixture<SharedS3>
{
    [SharedDataFact]
    public async Task At_six_random_instants_of_the_imported_months_the_network_is_that_moments_snapshot()
    {
        var lake = new ImportLake(shared.Server);
        var status = SharedData.Velib("history", "status-2025-11-10_2026-04-30.parquet");
        var stations = SharedData.Velib("history", "stations-2025-11-10_2026-04-30.parquet");

        var summary = await lake.ImportAsync(stations, status);

        Assert.Equal((3_477, 1_517), (summary.Snapshots, summary.Stations));
        var inputs = await ImportInputs.ReadAsync([status], SilentObserver.Instance, CancellationToken.None);
        var snapshots = inputs.Observations.GroupBy(o => o.ObservedUtc).ToList();
        var random = new Random(20);
        var reader = lake.Reader();
        for (var i = 0; i < 6; i++)
        {
            var snapshot = snapshots[random.Next(snapshots.Count)];
            // Between this snapshot and the next: the network is this snapshot's.
            var at = snapshot.Key.AddMinutes(1);
            var expected = snapshot.Select(o => (o.StationId, o.Mechanical, o.Ebike, o.Docks, o.Installed, o.Renting, o.Returning)).Order().ToList();
            var network = await reader.NetworkAtAsync(at);
            var actual = network.Where(s => snapshot.Any(o => o.StationId == s.Id))
                .Select(s => (s.Id, s.Mechanical, s.Ebike, s.Docks, s.Installed, s.Renting, s.Returning)).Order().ToList();
            Assert.Equal(expected, actual);
            Assert.All(network, s => Assert.NotEqual($"Station {s.Code}", s.Name));
        }
        // The range starts at the first checkpoint, whose key names it to the second.
        var first = snapshots[0].Key;
        Assert.Equal(first.AddTicks(-(first.Ticks % TimeSpan.TicksPerSecond)), (await reader.RangeAsync()).FirstUtc);
    }
}
