using Amazon.S3.Model;
using Velib.Contracts.Archive;
using Velib.Contracts.Stations;
using Velib.Silo.Archive;
using Velib.Tests.Support;

namespace Velib.Tests.Lake;

/// <summary>The daily compaction of a finished day, whole and after an interruption, against a real s3rver.</summary>
[Integration]
public sealed class CompactionTests(SharedS3 shared) : IClassFixture<SharedS3>
{
    private static List<(long, DateTime, int, int, int)> Latest(IEnumerable<ChangeRow> rows) =>
        [.. rows.GroupBy(r => r.StationId).Select(g => g.MaxBy(r => r.ObservedAt)!).OrderBy(r => r.StationId)
            .Select(r => (r.StationId, r.ObservedAt, r.Mechanical, r.Ebike, r.Docks))];

    private static List<(long, DateTime)> Keys(IEnumerable<ChangeRow> rows) => [.. rows.Select(r => (r.StationId, r.ObservedAt)).Order()];

    [SharedDataFact]
    public async Task A_compacted_day_keeps_every_change_once_even_when_the_compaction_was_interrupted()
    {
        await using var lake = await RecordedLake.StartAsync(shared.Server);
        await lake.PollAsync(0, 1, 2, 3, 4, 5, 6, 7);
        Assert.Null((await lake.FlushAsync()).Error);
        using var s3 = lake.S3.Client();
        var bucket = lake.S3.Bucket;
        var hourlyPrefix = lake.Prefix + "changes/";
        var hourlyKeys = await ArchiveObjects.Keys(s3, bucket, hourlyPrefix);
        var hourlyBodies = new Dictionary<string, byte[]>();
        foreach (var key in hourlyKeys) hourlyBodies[key] = (await ArchiveObjects.Bytes(s3, bucket, key)).ToArray();
        var before = await ArchiveObjects.ChangeRows(s3, bucket, hourlyPrefix);
        var at = lake.Snapshots[5].ObservedUtc!.Value.AddSeconds(30);
        var stateBefore = await lake.Reader.GetNetworkAt(at);

        // Two days later the recorded day is finished.
        lake.Time.Advance(TimeSpan.FromDays(2));
        var compaction = lake.Cluster.Client.GetGrain<ILakeCompactionGrain>("velib");
        var first = await compaction.Compact();

        Assert.Null(first.Error);
        Assert.Equal((1, before.Count, hourlyKeys.Count), (first.Days, (int)first.Rows, first.ObjectsRemoved));
        Assert.Empty(await ArchiveObjects.Keys(s3, bucket, hourlyPrefix));
        var daily = await ArchiveObjects.ChangeRows(s3, bucket, lake.Prefix + "changes-daily/");
        Assert.Equal(Keys(before), Keys(daily));
        Assert.Equal(Latest(before), Latest(daily));

        // An interruption after the daily object was written and before every hourly one was deleted: put half back.
        foreach (var key in hourlyKeys.Take(Math.Max(1, hourlyKeys.Count / 2)))
        {
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, InputStream = new MemoryStream(hourlyBodies[key]), UseChunkEncoding = false });
        }
        // Readers see each change once meanwhile (a fresh cluster: nothing cached).
        await lake.StartClusterAsync();
        Assert.Equal(stateBefore.OrderBy(s => s.Id), (await lake.Reader.GetNetworkAt(at)).OrderBy(s => s.Id));

        var again = await lake.Cluster.Client.GetGrain<ILakeCompactionGrain>("velib").Compact();

        Assert.Null(again.Error);
        Assert.Equal(before.Count, (int)again.Rows);
        Assert.Empty(await ArchiveObjects.Keys(s3, bucket, hourlyPrefix));
        var after = await ArchiveObjects.ChangeRows(s3, bucket, lake.Prefix + "changes-daily/");
        Assert.Equal(Keys(before), Keys(after));
        Assert.Equal(Latest(before), Latest(after));
        Assert.Equal(NetworkTotals.Of(stateBefore), NetworkTotals.Of(await lake.Reader.GetNetworkAt(at)));
    }

    [SharedDataFact]
    public async Task The_current_day_is_not_compacted()
    {
        await using var lake = await RecordedLake.StartAsync(shared.Server);
        await lake.PollAsync(0, 1);
        Assert.Null((await lake.FlushAsync()).Error);

        var result = await lake.Cluster.Client.GetGrain<ILakeCompactionGrain>("velib").Compact();

        using var s3 = lake.S3.Client();
        Assert.Equal((0, 0), (result.Days, result.ObjectsRemoved));
        Assert.NotEmpty(await ArchiveObjects.Keys(s3, lake.S3.Bucket, lake.Prefix + "changes/"));
        Assert.Empty(await ArchiveObjects.Keys(s3, lake.S3.Bucket, lake.Prefix + "changes-daily/"));
    }
}
