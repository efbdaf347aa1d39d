using Velib.Tests.Import;
using Velib.Tests.Support;

namespace Velib.Tests.Lake;

/// <summary>The reader's cache of parsed objects on a real s3rver, when a key it holds is written again.</summary>
[Integration]
public sealed class LakeObjectCacheTests(SharedS3 shared) : IClassFixture<SharedS3>, IDisposable
{
    private readonly ImportFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task An_object_written_again_is_read_again_once_listed_with_its_new_version_and_its_old_rows_leave_the_budget()
    {
        var lake = new ImportLake(shared.Server);
        var key = lake.Prefix + "changes-daily/date=2026-03-01/changes-20260301.parquet";
        var cache = new LakeObjectCache(lake.Store, 1_000);
        await PutAsync(lake, key, 2);
        var first = await ListedAsync(lake, key);
        Assert.Equal(2, (await cache.ChangesAsync(first))!.Length);

        await PutAsync(lake, key, 5);
        var second = await ListedAsync(lake, key);

        Assert.NotEqual(first.Version, second.Version);
        // Until a listing names the new version, the one listed is served from memory, with no request to S3.
        Assert.Equal(2, (await cache.ChangesAsync(first))!.Length);
        Assert.Equal(5, (await cache.ChangesAsync(second))!.Length);
        Assert.Equal(5, cache.Rows);
    }

    [Fact]
    public async Task An_object_listed_again_with_the_same_version_is_not_read_again()
    {
        var lake = new ImportLake(shared.Server);
        var key = lake.Prefix + "checkpoints/date=2026-03-01/hour=22/20260301T221000Z.parquet";
        var cache = new LakeObjectCache(lake.Store, 1_000);
        await PutAsync(lake, key, 3);
        var listed = await ListedAsync(lake, key);
        var rows = await cache.ChangesAsync(listed);

        Assert.Same(rows, await cache.ChangesAsync(await ListedAsync(lake, key)));
        Assert.Equal(3, cache.Rows);
    }

    [Fact]
    public async Task A_running_reader_sees_late_rows_a_compaction_merged_into_a_day_it_had_read_once_its_listing_cache_expires()
    {
        // The clock stands in the next day: the first day's changes are already compacted into changes-daily.
        var lake = new ImportLake(shared.Server, ImportFiles.Start.Date.AddDays(1).AddHours(6));
        var rows = ImportFiles.Network(3);
        await lake.ImportAsync(await _files.WriteAsync("status-two.parquet", rows.Where(r => r.ObservedAt < ImportFiles.Start.AddMinutes(100))));
        var at = ImportFiles.Start.AddMinutes(105);
        var reader = lake.Reader(TimeSpan.FromSeconds(30));
        Assert.Equal(0, (await reader.NetworkAtAsync(at)).Single(s => s.Id == 2).Mechanical);

        // A late flush (the spool held it through an S3 outage) brings the day an hourly object; compacting it again
        // rewrites the daily object the reader had read.
        var late = rows.Last(r => r.StationId == 2);
        var hour = ArchiveLayout.HourOf(late.ObservedAt);
        await lake.Store.PutAsync(ArchiveLayout.ChangesKey(lake.Prefix, hour, hour.AddHours(30), "late"), await ParquetCodec.WriteAsync(new[]
        {
            new ChangeRow
            {
                System = "velib", StationId = 2, StationCode = late.StationCode, ObservedAt = late.ObservedAt, FeedUpdatedAt = late.ObservedAt,
                Mechanical = (int)late.Mechanical, Ebike = (int)late.Ebike, Docks = (int)late.Docks, Installed = true, Renting = true, Returning = true,
                LastReported = late.LastReported,
            },
        }), CancellationToken.None);
        await new LakeCompactor(lake.Store, lake.Prefix).CompactDayAsync(ImportFiles.Start.Date, CancellationToken.None);
        lake.Time.Advance(TimeSpan.FromSeconds(31));

        Assert.Empty(await lake.KeysAsync("changes/"));
        Assert.Equal(1, (await reader.NetworkAtAsync(at)).Single(s => s.Id == 2).Mechanical);
    }

    private static async Task<LakeObject> ListedAsync(ImportLake lake, string key) =>
        Assert.Single(await lake.Store.ListObjectsAsync(key, CancellationToken.None));

    private static async Task PutAsync(ImportLake lake, string key, int stations) =>
        await lake.Store.PutAsync(key, await ParquetCodec.WriteAsync(Enumerable.Range(1, stations).Select(id => new ChangeRow
        {
            System = "velib", StationId = id, StationCode = $"{id}001", ObservedAt = new DateTime(2026, 3, 1, 22, 10, 0, DateTimeKind.Utc),
            FeedUpdatedAt = new DateTime(2026, 3, 1, 22, 10, 0, DateTimeKind.Utc), Mechanical = id, Docks = 10, Installed = true,
        }).ToList()), CancellationToken.None);
}
