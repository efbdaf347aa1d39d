using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Amazon.S3.Model;
using Velib.Contracts.Archive;
using Velib.Contracts.Feed;
using Velib.Silo.Archive;
using Velib.Tests.Support;
using Velib.AppHost.Launch;

namespace Velib.Tests.Archive;

/// <summary>
/// The archive grain against a real s3rver, with its spool in a real Garnet. One s3rver serves the class, and each
/// test writes under a prefix of its own; a test that stops S3 starts a private one.
/// </summary>
[Integration]
public sealed partial class ArchiveTests(SharedS3 shared) : IAsyncLifetime, IClassFixture<SharedS3>
{
    private static readonly string Series = SharedData.Root is null ? "" : SharedData.Velib("timeseries-2025-11-10");
    private readonly string _prefix = $"t{Guid.NewGuid().ToString("N")[..8]}/";
    private S3rverProcess _s3 = shared.Server;
    private S3rverProcess? _private;
    private RecordedFeedServer _feed = null!;
    private TestStore? _store;
    private readonly List<VelibTestCluster> _clusters = [];

    [GeneratedRegex(@"^t[0-9a-f]{8}/changes/date=\d{4}-\d{2}-\d{2}/hour=\d{2}/\d{8}T\d{6}Z-[0-9a-f]{8}\.parquet$")]
    private static partial Regex ChangesKey();

    [GeneratedRegex(@"^t[0-9a-f]{8}/stations/date=\d{4}-\d{2}-\d{2}/\d{8}T\d{6}Z\.parquet$")]
    private static partial Regex StationsKey();

    [GeneratedRegex(@"^t[0-9a-f]{8}/checkpoints/date=\d{4}-\d{2}-\d{2}/hour=\d{2}/\d{8}T\d{6}Z\.parquet$")]
    private static partial Regex CheckpointKey();

    public async Task InitializeAsync() =>
        _feed = await RecordedFeedServer.StartAsync(Snapshot(0, info: true), Snapshot(0));

    /// <summary>For a test that stops S3: a server of its own, so the class's server keeps serving the others.</summary>
    private async Task UsePrivateS3()
    {
        _private = new S3rverProcess(RepoPaths.Root, Ports.Free());
        await _private.StartAsync();
        _s3 = _private;
    }

    public async Task DisposeAsync()
    {
        foreach (var cluster in _clusters) await cluster.DisposeAsync();
        _store?.Dispose();
        await _feed.DisposeAsync();
        if (_private is not null) await _private.DisposeAsync();
    }

    private static byte[] Snapshot(int index, bool info = false) => File.ReadAllBytes(info
        ? Path.Combine(Series, "station_information_20251110_133043.json")
        : Directory.GetFiles(Series, "station_status_*.json").Order().ElementAt(index));

    private async Task<IFeedIngestionGrain> StartSilo(TestStore? store = null, CapturingLoggerProvider? logs = null,
        Dictionary<string, string?>? settings = null)
    {
        settings ??= VelibTestCluster.Live(_feed.DiscoveryUrl, _s3);
        settings["Velib:Archive:Prefix"] = _prefix;
        var cluster = await VelibTestCluster.StartAsync(settings, logs, store);
        _clusters.Add(cluster);
        return cluster.Client.GetGrain<IFeedIngestionGrain>("velib");
    }

    private IArchiveGrain Archive => _clusters[^1].Client.GetGrain<IArchiveGrain>("velib");

    private async Task<long> Flush() => (await Archive.Flush()).Rows;

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
        return [.. (await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _s3.Bucket, Prefix = _prefix })).S3Objects?.Select(o => o.Key) ?? []];
    }

    private async Task<List<ChangeRow>> ChangeRows()
    {
        using var client = _s3.Client();
        return await ArchiveObjects.ChangeRows(client, _s3.Bucket, _prefix + "changes/");
    }

    [SharedDataFact]
    public async Task A_flush_writes_hive_partitioned_parquet_whose_rows_equal_the_changes_detected()
    {
        var ingestion = await StartSilo();
        var detected = await PollSnapshots(ingestion, 0, 1, 2);

        var written = await Flush();

        Assert.Equal(1499 + 952 + 685, detected);
        Assert.Equal(detected, written);
        var keys = await Keys();
        Assert.All(keys, k => Assert.True(ChangesKey().IsMatch(k) || StationsKey().IsMatch(k) || CheckpointKey().IsMatch(k), k));
        Assert.Single(keys, k => StationsKey().IsMatch(k));
        // The first cycle's checkpoint; the other two polls fall in the same hour unless the test straddles one.
        Assert.InRange(keys.Count(k => CheckpointKey().IsMatch(k)), 1, 2);
        var rows = await ChangeRows();
        Assert.Equal(detected, rows.Count);
        Assert.Equal(rows.Count, rows.Select(r => (r.StationId, r.ObservedAt)).Distinct().Count());
        Assert.All(rows, r => Assert.Equal("velib", r.System));
        var snapshot = await ingestion.GetSnapshot();
        var latest = rows.GroupBy(r => r.StationId).ToDictionary(g => g.Key, g => g.MaxBy(r => r.ObservedAt)!);
        Assert.Equal(snapshot.Stations.Length, latest.Count);
        Assert.All(snapshot.Stations, s => Assert.Equal((s.Mechanical, s.Ebike, s.Docks, s.Installed), (latest[s.Id].Mechanical, latest[s.Id].Ebike, latest[s.Id].Docks, latest[s.Id].Installed)));
        var status = await Archive.GetStatus();
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
        await Flush();
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
        await Flush();
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
        await UsePrivateS3();
        var ingestion = await StartSilo();
        await _s3.StopAsync();
        var detected = await PollSnapshots(ingestion, 0, 1);

        Assert.Equal(0, await Flush());
        var failing = await Archive.GetStatus();
        Assert.Equal(detected, failing.PendingChanges);
        Assert.False(string.IsNullOrEmpty(failing.LastError));
        detected += await PollSnapshots(ingestion, 2);
        Assert.Equal(0, await Flush());

        await _s3.StartAsync();
        var written = await Flush();
        await Flush();

        Assert.Equal(detected, written);
        var rows = await ChangeRows();
        Assert.Equal(detected, rows.Count);
        Assert.Equal(detected, rows.Select(r => (r.StationId, r.ObservedAt)).Distinct().Count());
        Assert.Null((await Archive.GetStatus()).LastError);
    }

    [SharedDataFact]
    public async Task Changes_spooled_in_the_store_survive_the_loss_of_the_silo_and_arrive_exactly_once()
    {
        await UsePrivateS3();
        _store = new TestStore();
        await _s3.StopAsync();
        var first = await StartSilo(_store);
        var detected = await PollSnapshots(first, 0, 1);
        await _clusters[0].DisposeAsync();
        _clusters.Clear();

        await _s3.StartAsync();
        await StartSilo(_store);
        Assert.Equal(detected, (await Archive.GetStatus()).PendingChanges);
        var written = await Flush();

        Assert.Equal(detected, written);
        Assert.Equal(detected, (await ChangeRows()).Count);
    }

    [SharedDataFact]
    public async Task A_cycle_run_again_by_a_new_activation_with_no_state_archives_no_second_baseline()
    {
        _store = new TestStore();
        var first = await StartSilo(_store);
        Assert.Equal(1499 + 952, await PollSnapshots(first, 0, 1));
        await _clusters[0].DisposeAsync();
        _clusters.Clear();

        // A new cluster on the same store, whose ingestion grain lost its state: it sees 1,499 "new" stations again.
        var second = await StartSilo(_store);
        Assert.Equal(1499, await PollSnapshots(second, 1));
        Assert.Equal(685, await PollSnapshots(second, 2));
        await Flush();

        var rows = await ChangeRows();
        Assert.Equal(1499 + 952 + 685, rows.Count);
        Assert.Equal(rows.Count, rows.Select(r => (r.StationId, r.ObservedAt)).Distinct().Count());
        var snapshot = await second.GetSnapshot();
        var latest = rows.GroupBy(r => r.StationId).ToDictionary(g => g.Key, g => g.MaxBy(r => r.ObservedAt)!);
        Assert.All(snapshot.Stations, s => Assert.Equal((s.Mechanical, s.Ebike, s.Docks), (latest[s.Id].Mechanical, latest[s.Id].Ebike, latest[s.Id].Docks)));
    }

    [SharedDataFact]
    public async Task A_hanging_s3_delays_neither_the_next_poll_nor_the_status()
    {
        // S3 that accepts connections and never answers: what a blackholed network looks like.
        using var hanging = new TcpListener(IPAddress.Loopback, 0);
        hanging.Start(backlog: 64);
        var settings = VelibTestCluster.Live(_feed.DiscoveryUrl, _s3);
        settings["Velib:S3:ServiceUrl"] = $"http://127.0.0.1:{((IPEndPoint)hanging.LocalEndpoint).Port}";
        settings["Velib:S3:Timeout"] = "00:00:02";
        var ingestion = await StartSilo(settings: settings);
        var detected = await PollSnapshots(ingestion, 0);

        var flush = Archive.Flush();
        _feed.Status = Snapshot(1);
        detected += await ingestion.Poll().Within(TimeSpan.FromSeconds(10), "the poll after a flush to a hanging S3 did not finish");
        var status = await Archive.GetStatus().Within(TimeSpan.FromSeconds(2), "the archive status did not answer during a flush to a hanging S3");

        Assert.Equal(1499 + 952, detected);
        Assert.Equal(detected, status.PendingChanges);
        Assert.Equal(18807, (await ingestion.GetSnapshot()).Stations.Sum(s => s.Mechanical + s.Ebike));
        Assert.False(flush.IsCompleted, "the flush to a hanging S3 finished before the poll; the test proved nothing");
        var result = await flush.Within(TimeSpan.FromMinutes(1), "the flush to a hanging S3 never gave up");
        Assert.NotNull(result.Error);
    }

    [SharedDataFact]
    public async Task Credentials_appear_neither_in_logs_nor_in_the_status()
    {
        await UsePrivateS3();
        var logs = new CapturingLoggerProvider();
        var ingestion = await StartSilo(logs: logs);
        await PollSnapshots(ingestion, 0);
        await _s3.StopAsync();
        await PollSnapshots(ingestion, 1);
        await Flush();
        await _s3.StartAsync();
        await Flush();

        var status = JsonSerializer.Serialize(new { feed = await ingestion.GetStatus(), archive = await Archive.GetStatus() });
        Assert.Contains(_s3.ServiceUrl, status);
        Assert.NotEmpty(logs.Lines);
        foreach (var secret in new[] { _s3.AccessKey, _s3.SecretKey })
        {
            Assert.DoesNotContain(secret, status);
            Assert.DoesNotContain(logs.Lines, line => line.Contains(secret, StringComparison.Ordinal));
        }
    }
}
