using System.Text.Json;
using System.Text.RegularExpressions;
using Amazon.S3.Model;
using Orleans.TestingHost;
using Velib.Contracts.Feed;
using Velib.Silo.Archive;
using Velib.Tests.Support;

namespace Velib.Tests.Archive;

/// <summary>The archive against a real s3rver that the test starts and stops.</summary>
public sealed partial class ArchiveTests : IAsyncLifetime
{
    private static readonly string Series = SharedData.Root is null ? "" : SharedData.Velib("timeseries-2025-11-10");
    private readonly S3rverProcess _s3 = new();
    private RecordedFeedServer _feed = null!;
    private readonly List<InProcessTestCluster> _clusters = [];

    [GeneratedRegex(@"^velib/changes/date=\d{4}-\d{2}-\d{2}/hour=\d{2}/\d{8}T\d{6}Z-[0-9a-f]{8}\.parquet$")]
    private static partial Regex ChangesKey();

    [GeneratedRegex(@"^velib/stations/date=\d{4}-\d{2}-\d{2}/\d{8}T\d{6}Z\.parquet$")]
    private static partial Regex StationsKey();

    public async Task InitializeAsync()
    {
        await _s3.StartAsync();
        _feed = await RecordedFeedServer.StartAsync(Snapshot(0, info: true), Snapshot(0));
    }

    public async Task DisposeAsync()
    {
        foreach (var cluster in _clusters) await cluster.DisposeAsync();
        await _feed.DisposeAsync();
        await _s3.DisposeAsync();
    }

    private static byte[] Snapshot(int index, bool info = false) => File.ReadAllBytes(info
        ? Path.Combine(Series, "station_information_20251110_133043.json")
        : Directory.GetFiles(Series, "station_status_*.json").Order().ElementAt(index));

    private async Task<IFeedIngestionGrain> StartSilo(string? spool = null, CapturingLoggerProvider? logs = null)
    {
        var cluster = await VelibTestCluster.StartAsync(VelibTestCluster.Live(_feed.DiscoveryUrl, _s3, spool), logs);
        _clusters.Add(cluster);
        return cluster.Client.GetGrain<IFeedIngestionGrain>("velib");
    }

    private async Task<int> PollSnapshots(IFeedIngestionGrain ingestion, params int[] indexes)
    {
        var changes = 0;
        foreach (var i in indexes)
        {
            _feed.Status = Snapshot(i);
            changes += await ingestion.Poll();
        }
        return changes;
    }

    private async Task<List<string>> Keys()
    {
        using var client = _s3.Client();
        return [.. (await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _s3.Bucket })).S3Objects?.Select(o => o.Key) ?? []];
    }

    private async Task<List<ChangeRow>> ChangeRows()
    {
        using var client = _s3.Client();
        var rows = new List<ChangeRow>();
        foreach (var key in (await Keys()).Where(k => k.Contains("/changes/")))
        {
            using var response = await client.GetObjectAsync(_s3.Bucket, key);
            using var copy = new MemoryStream();
            await response.ResponseStream.CopyToAsync(copy);
            copy.Position = 0;
            rows.AddRange(await ParquetCodec.ReadAsync<ChangeRow>(copy));
        }
        return rows;
    }

    [SharedDataFact]
    public async Task A_flush_writes_hive_partitioned_parquet_whose_rows_equal_the_changes_detected()
    {
        var ingestion = await StartSilo();
        var detected = await PollSnapshots(ingestion, 0, 1, 2);

        var written = await ingestion.FlushArchive();

        Assert.Equal(1499 + 952 + 685, detected);
        Assert.Equal(detected, written);
        var keys = await Keys();
        Assert.All(keys, k => Assert.True(ChangesKey().IsMatch(k) || StationsKey().IsMatch(k), k));
        Assert.Single(keys, k => StationsKey().IsMatch(k));
        var rows = await ChangeRows();
        Assert.Equal(detected, rows.Count);
        Assert.Equal(rows.Count, rows.Select(r => (r.StationId, r.ObservedAt)).Distinct().Count());
        Assert.All(rows, r => Assert.Equal("velib", r.System));
        var snapshot = await ingestion.GetSnapshot();
        var latest = rows.GroupBy(r => r.StationId).ToDictionary(g => g.Key, g => g.MaxBy(r => r.ObservedAt)!);
        Assert.Equal(snapshot.Stations.Length, latest.Count);
        Assert.All(snapshot.Stations, s => Assert.Equal((s.Mechanical, s.Ebike, s.Docks, s.Installed), (latest[s.Id].Mechanical, latest[s.Id].Ebike, latest[s.Id].Docks, latest[s.Id].Installed)));
        var status = await ingestion.GetArchiveStatus();
        Assert.Equal(0, status.PendingChanges);
        Assert.Equal(detected, status.ChangesWritten);
        Assert.Equal(keys.Count, status.ObjectsWritten);
        Assert.Contains(status.LastObjectKey, keys);
    }

    [SharedDataFact]
    public async Task A_station_history_is_read_back_from_the_archive()
    {
        var ingestion = await StartSilo();
        await PollSnapshots(ingestion, 0, 1, 2, 3);
        await ingestion.FlushArchive();
        var rows = await ChangeRows();
        var busiest = rows.GroupBy(r => r.StationId).MaxBy(g => g.Count())!;

        var history = await _clusters[0].Client.GetGrain<Velib.Contracts.Archive.IArchiveReaderGrain>(0)
            .GetChanges(busiest.Key, DateTime.UtcNow.AddDays(-1), DateTime.UtcNow.AddMinutes(1));

        Assert.True(busiest.Count() >= 3);
        Assert.Equal(busiest.OrderBy(r => r.ObservedAt).Select(r => (r.Mechanical, r.Ebike, r.Docks)), history.Select(c => (c.Mechanical, c.Ebike, c.Docks)));
        Assert.Empty(await _clusters[0].Client.GetGrain<Velib.Contracts.Archive.IArchiveReaderGrain>(0)
            .GetChanges(busiest.Key, DateTime.UtcNow.AddDays(-3), DateTime.UtcNow.AddDays(-2)));
    }

    [SharedDataFact]
    public async Task Parquet_columns_are_snake_case_with_typed_timestamps()
    {
        var ingestion = await StartSilo();
        await PollSnapshots(ingestion, 0);
        await ingestion.FlushArchive();
        using var client = _s3.Client();
        using var response = await client.GetObjectAsync(_s3.Bucket, (await Keys()).First(k => k.Contains("/changes/")));
        using var copy = new MemoryStream();
        await response.ResponseStream.CopyToAsync(copy);

        copy.Position = 0;
        await using var reader = await Parquet.ParquetReader.CreateAsync(copy);
        var fields = reader.Schema.DataFields.ToDictionary(f => f.Name);

        Assert.Equal(["system", "station_id", "station_code", "observed_at", "feed_updated_at", "mechanical", "ebike", "docks",
            "installed", "renting", "returning", "last_reported"], reader.Schema.DataFields.Select(f => f.Name));
        Assert.Equal(typeof(DateTime), fields["observed_at"].ClrType);
        Assert.Equal(typeof(long), fields["station_id"].ClrType);
        Assert.Equal(Parquet.Meta.CompressionCodec.ZSTD, reader.Metadata!.RowGroups[0].Columns[0].MetaData!.Codec);
    }

    [SharedDataFact]
    public async Task With_s3_stopped_changes_accumulate_and_arrive_exactly_once_when_it_returns()
    {
        var ingestion = await StartSilo();
        await _s3.StopAsync();
        var detected = await PollSnapshots(ingestion, 0, 1);

        Assert.Equal(0, await ingestion.FlushArchive());
        var failing = await ingestion.GetArchiveStatus();
        Assert.Equal(detected, failing.PendingChanges);
        Assert.False(string.IsNullOrEmpty(failing.LastError));
        detected += await PollSnapshots(ingestion, 2);
        Assert.Equal(0, await ingestion.FlushArchive());

        await _s3.StartAsync();
        var written = await ingestion.FlushArchive();
        await ingestion.FlushArchive();

        Assert.Equal(detected, written);
        var rows = await ChangeRows();
        Assert.Equal(detected, rows.Count);
        Assert.Equal(detected, rows.Select(r => (r.StationId, r.ObservedAt)).Distinct().Count());
        Assert.Null((await ingestion.GetArchiveStatus()).LastError);
    }

    [SharedDataFact]
    public async Task A_silo_restart_in_the_middle_of_an_interval_loses_no_pending_change()
    {
        var spool = VelibTestCluster.NewSpool();
        await _s3.StopAsync();
        var first = await StartSilo(spool);
        var detected = await PollSnapshots(first, 0, 1);
        await _clusters[0].DisposeAsync();
        _clusters.Clear();

        await _s3.StartAsync();
        var second = await StartSilo(spool);
        Assert.Equal(detected, (await second.GetArchiveStatus()).PendingChanges);
        var written = await second.FlushArchive();

        Assert.Equal(detected, written);
        Assert.Equal(detected, (await ChangeRows()).Count);
    }

    [SharedDataFact]
    public async Task Credentials_appear_neither_in_logs_nor_in_the_status()
    {
        var logs = new CapturingLoggerProvider();
        var ingestion = await StartSilo(logs: logs);
        await PollSnapshots(ingestion, 0);
        await _s3.StopAsync();
        await PollSnapshots(ingestion, 1);
        await ingestion.FlushArchive();
        await _s3.StartAsync();
        await ingestion.FlushArchive();

        var status = JsonSerializer.Serialize(new { feed = await ingestion.GetStatus(), archive = await ingestion.GetArchiveStatus() });
        Assert.Contains(_s3.ServiceUrl, status);
        Assert.NotEmpty(logs.Lines);
        foreach (var secret in new[] { _s3.AccessKey, _s3.SecretKey })
        {
            Assert.DoesNotContain(secret, status);
            Assert.DoesNotContain(logs.Lines, line => line.Contains(secret, StringComparison.Ordinal));
        }
    }
}
