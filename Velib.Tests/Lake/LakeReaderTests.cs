using Velib.Contracts.Archive;
using Velib.Contracts.Stations;
using Velib.Silo.Archive;
using Velib.Tests.Support;

namespace Velib.Tests.Lake;

/// <summary>The network and its totals at past times, read back from a lake of the recorded afternoon.</summary>
[Integration]
public sealed class LakeReaderTests(SharedS3 shared) : IClassFixture<SharedS3>
{
    private static readonly TimeSpan HalfMinute = TimeSpan.FromSeconds(30);

    /// <summary>Stations in id order, so that two readings compare field by field.</summary>
    private static List<Station> ById(IEnumerable<Station> stations) => [.. stations.OrderBy(s => s.Id)];

    /// <summary>
    /// A station as the lake knows it. The archive keeps a row per change of counts or flags, not per refresh of
    /// last_reported (Vélib' refreshes it hourly without a change), so a past time shows the value of the last change.
    /// </summary>
    private static List<Station> AsArchived(IEnumerable<Station> stations) => [.. ById(stations).Select(s => s with { LastReportedUtc = null })];

    [SharedDataFact]
    public async Task The_network_between_two_snapshots_is_the_earlier_one_from_the_spool_and_from_the_lake_alone()
    {
        await using var lake = await RecordedLake.StartAsync(shared.Server);
        // 13:30 and 13:49, 13:57 in one hour, then 14:03 in the next: two checkpoints, changes on both sides of them.
        await lake.PollAsync(0, 1, 2, 3);
        lake.Time.Advance(TimeSpan.FromMinutes(1));

        var fromSpool = new List<List<Station>>();
        for (var i = 0; i < 4; i++)
        {
            var at = lake.Snapshots[i].ObservedUtc!.Value + HalfMinute;
            fromSpool.Add(ById(await lake.Reader.GetNetworkAt(at)));
            Assert.Equal(AsArchived(lake.Snapshots[i].Stations), AsArchived(fromSpool[i]));
        }

        var flushed = await lake.FlushAsync();
        Assert.Null(flushed.Error);
        // A new cluster with its own (empty) store: only S3 is left to read from.
        await lake.StartClusterAsync();
        for (var i = 0; i < 4; i++)
        {
            var snapshot = lake.Snapshots[i];
            var stations = await lake.Reader.GetNetworkAt(snapshot.ObservedUtc!.Value + HalfMinute);
            Assert.Equal(fromSpool[i], ById(stations));
            Assert.Equal(AsArchived(snapshot.Stations), AsArchived(stations));
            Assert.Equal(NetworkTotals.Of(snapshot.Stations), NetworkTotals.Of(stations));
        }
        var range = await lake.Reader.GetRange();
        Assert.Equal(lake.Snapshots[0].ObservedUtc, range.FirstUtc);
        Assert.False(range.Contains(lake.Snapshots[0].ObservedUtc!.Value.AddSeconds(-1)));
    }

    [SharedDataFact]
    public async Task A_checkpoint_plus_its_changes_equals_a_replay_of_every_change_since_the_start()
    {
        await using var lake = await RecordedLake.StartAsync(shared.Server);
        await lake.PollAsync(0, 1, 2, 3, 4, 5, 6, 7);
        Assert.Null((await lake.FlushAsync()).Error);
        using var s3 = lake.S3.Client();
        var all = await ArchiveObjects.ChangeRows(s3, lake.S3.Bucket, lake.Prefix + "changes/");
        var checkpoints = await ArchiveObjects.Keys(s3, lake.S3.Bucket, lake.Prefix + "checkpoints/");
        // 13:30 (first cycle), 14:03 and 15:03 (first cycles of their hours).
        Assert.Equal(3, checkpoints.Count);

        foreach (var snapshot in lake.Snapshots)
        {
            var at = snapshot.ObservedUtc!.Value + HalfMinute;
            var replayed = all.Where(r => r.ObservedAt <= at).GroupBy(r => r.StationId)
                .Select(g => g.MaxBy(r => r.ObservedAt)!).OrderBy(r => r.StationId)
                .Select(r => (r.StationId, r.Mechanical, r.Ebike, r.Docks, r.Installed, r.Renting, r.Returning));
            var read = ById(await lake.Reader.GetNetworkAt(at)).Select(s => (s.Id, s.Mechanical, s.Ebike, s.Docks, s.Installed, s.Renting, s.Returning));
            Assert.Equal(replayed, read);
        }
    }

    [SharedDataFact]
    public async Task The_timeline_shows_at_each_step_the_totals_of_the_snapshot_then_current()
    {
        await using var lake = await RecordedLake.StartAsync(shared.Server);
        await lake.PollAsync(0, 1, 2, 3);
        lake.Time.Advance(TimeSpan.FromMinutes(2));
        var from = lake.Snapshots[0].ObservedUtc!.Value;
        var to = lake.Time.GetUtcNow().UtcDateTime;

        var points = await lake.Reader.GetTimeline(from, to, TimeSpan.FromMinutes(1));

        Assert.Equal((int)((to - from) / TimeSpan.FromMinutes(1)) + 1, points.Length);
        foreach (var point in points)
        {
            var current = lake.Snapshots.Last(s => s.ObservedUtc <= point.AtUtc);
            var totals = NetworkTotals.Of(current.Stations);
            Assert.Equal((totals.Stations, totals.Bikes, totals.Mechanical, totals.Ebikes, totals.FreeDocks, totals.EmptyStations, totals.FullStations),
                (point.Stations, point.Bikes, point.Mechanical, point.Ebikes, point.FreeDocks, point.EmptyStations, point.FullStations));
        }
    }
}
