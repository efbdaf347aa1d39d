using Velib.Tests.Support;

namespace Velib.Tests.Import;

/// <summary>Importing status files into a real s3rver, and reading the lake back.</summary>
[Integration]
public sealed class ImportTests(SharedS3 shared) : IClassFixture<SharedS3>, IDisposable
{
    private readonly ImportFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task The_network_at_any_imported_instant_is_that_moments_snapshot()
    {
        var lake = new ImportLake(shared.Server);
        var rows = ImportFiles.Network(6);
        var summary = await lake.ImportAsync(await _files.WriteAsync("status-a.parquet", rows));

        Assert.Equal((6, 3, 2), (summary.Snapshots, summary.Stations, summary.Days));
        var reader = lake.Reader();
        foreach (var at in rows.Select(r => r.ObservedAt).Distinct())
        {
            var expected = rows.Where(r => r.ObservedAt == at).Select(r => (r.StationId, (int)r.Mechanical, (int)r.Ebike, (int)r.Docks)).Order();
            var actual = (await reader.NetworkAtAsync(at.AddMinutes(1))).Select(s => (s.Id, s.Mechanical, s.Ebike, s.Docks)).Order();
            Assert.Equal(expected, actual);
        }
        Assert.Equal(ImportFiles.Start, (await reader.RangeAsync()).FirstUtc);
    }

    [Fact]
    public async Task Finished_days_go_to_changes_daily_and_the_current_day_to_hourly_changes()
    {
        // The clock stands in the second day of the data: the first is finished, the second is not.
        var lake = new ImportLake(shared.Server, ImportFiles.Start.Date.AddDays(1).AddHours(6));

        await lake.ImportAsync(await _files.WriteAsync("status-b.parquet", ImportFiles.Network(6)));

        Assert.Equal([$"{lake.Prefix}changes-daily/date=2026-03-01/changes-20260301.parquet"], await lake.KeysAsync("changes-daily/"));
        Assert.All(await lake.KeysAsync("changes/"), k => Assert.Contains("/date=2026-03-02/hour=", k));
        Assert.NotEmpty(await lake.KeysAsync("changes/"));
    }

    [Fact]
    public async Task A_second_import_of_the_same_file_writes_nothing()
    {
        var lake = new ImportLake(shared.Server);
        var path = await _files.WriteAsync("status-c.parquet", ImportFiles.Network(6));
        var first = await lake.ImportAsync(path);

        var second = await lake.ImportAsync(path);

        Assert.True(first.ObjectsWritten > 0);
        Assert.Equal((0, 0L, first.ObjectsWritten), (second.ObjectsWritten, second.ChangesWritten, second.ObjectsUnchanged));
    }

    [Fact]
    public async Task An_interrupted_import_is_finished_by_the_next_run_with_the_same_object_keys()
    {
        var lake = new ImportLake(shared.Server);
        var path = await _files.WriteAsync("status-d.parquet", ImportFiles.Network(6));
        await lake.ImportAsync(path);
        var complete = await lake.KeysAsync();
        var state = await lake.Reader().NetworkAtAsync(ImportFiles.Start.AddHours(4));
        // An interruption: the second day's objects and one checkpoint of the first never reached S3.
        foreach (var key in complete.Where(k => k.Contains("date=2026-03-02")).Append(complete.First(k => k.Contains("checkpoints/")))) await lake.Store.DeleteAsync(key, CancellationToken.None);

        var resumed = await lake.ImportAsync(path);

        Assert.True(resumed.ObjectsWritten > 0);
        Assert.Equal(complete.Order(), (await lake.KeysAsync()).Order());
        Assert.Equal(state.OrderBy(s => s.Id), (await lake.Reader().NetworkAtAsync(ImportFiles.Start.AddHours(4))).OrderBy(s => s.Id));
    }

    [Fact]
    public async Task Where_an_import_overlaps_the_lake_the_row_already_in_the_lake_wins_and_new_rows_are_added()
    {
        var lake = new ImportLake(shared.Server);
        var live = ImportFiles.Network(2);
        foreach (var r in live) r.Docks = 7;
        await lake.ImportAsync(await _files.WriteAsync("status-live.parquet", live));

        var summary = await lake.ImportAsync(await _files.WriteAsync("status-e.parquet", ImportFiles.Network(3)));

        var rows = await ArchiveObjects.ChangeRows(lake.Server.Client(), lake.Server.Bucket, lake.Prefix + "changes-daily/");
        Assert.Equal(rows.Count, rows.DistinctBy(r => (r.StationId, r.ObservedAt)).Count());
        Assert.All(rows.Where(r => r.ObservedAt < ImportFiles.Start.AddMinutes(100)), r => Assert.Equal(7, r.Docks));
        // Only the third snapshot brings a row the lake lacks: station 2 changed then.
        Assert.Equal(1, summary.ChangesWritten);
    }

    [Fact]
    public async Task A_running_reader_sees_imported_older_history_once_its_listing_cache_expires()
    {
        var lake = new ImportLake(shared.Server);
        var rows = ImportFiles.Network(6);
        var later = rows.Where(r => r.ObservedAt >= ImportFiles.Start.AddHours(2)).ToList();
        await lake.ImportAsync(await _files.WriteAsync("status-later.parquet", later));
        var reader = lake.Reader(TimeSpan.FromSeconds(30));
        Assert.Equal(later[0].ObservedAt, (await reader.RangeAsync()).FirstUtc);

        await lake.ImportAsync(await _files.WriteAsync("status-all.parquet", rows));
        lake.Time.Advance(TimeSpan.FromSeconds(31));

        Assert.Equal(ImportFiles.Start, (await reader.RangeAsync()).FirstUtc);
        Assert.Equal(3, (await reader.NetworkAtAsync(ImportFiles.Start.AddMinutes(1))).Length);
    }

    [Fact]
    public async Task A_running_reader_sees_rows_an_import_merged_into_an_object_it_had_read_once_its_listing_cache_expires()
    {
        var lake = new ImportLake(shared.Server);
        var rows = ImportFiles.Network(3);
        // After the third snapshot (23:50), in the hour of the 23:00 checkpoint: only the day's changes tell it apart.
        var at = ImportFiles.Start.AddMinutes(105);
        await lake.ImportAsync(await _files.WriteAsync("status-first-two.parquet", rows.Where(r => r.ObservedAt < ImportFiles.Start.AddMinutes(100))));
        var reader = lake.Reader(TimeSpan.FromSeconds(30));
        Assert.Equal(0, (await reader.NetworkAtAsync(at)).Single(s => s.Id == 2).Mechanical);
        var keys = await lake.KeysAsync();

        var summary = await lake.ImportAsync(await _files.WriteAsync("status-all-three.parquet", rows));
        lake.Time.Advance(TimeSpan.FromSeconds(31));

        // The import rewrote the day's changes-daily object, which the reader had read, and added no key.
        Assert.Equal((1, 1L), (summary.ObjectsWritten, summary.ChangesWritten));
        Assert.Equal(keys.Order(), (await lake.KeysAsync()).Order());
        Assert.Equal(1, (await reader.NetworkAtAsync(at)).Single(s => s.Id == 2).Mechanical);
    }
}
