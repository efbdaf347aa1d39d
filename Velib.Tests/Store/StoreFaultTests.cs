using Velib.Contracts.Systems;
using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;
using Velib.Contracts.Feed;
using Velib.Contracts.Stations;
using Velib.Tests.Support;
using Xunit.Abstractions;
using Velib.Store.Launch;

namespace Velib.Tests.Store;

/// <summary>
/// The store's faults, on Velib.Store run as the AppHost runs it (a process of its own, the AppHost's options):
/// a crash during a checkpoint, and a damaged AOF tail.
/// </summary>
[Integration]
public sealed class StoreFaultTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "velib-faults-" + Guid.NewGuid().ToString("N"));
    private readonly string _serviceId = "velib-test-" + Guid.NewGuid().ToString("N");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 17, 40, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_store_killed_during_a_checkpoint_comes_back_with_every_write_it_acknowledged()
    {
        using var store = new StoreProcess(_data, memorySize: "256m", pageSize: "1m");
        await store.StartAsync();
        var acknowledged = new ConcurrentDictionary<string, string>();
        bool during;
        using (var client = await ConnectionMultiplexer.ConnectAsync(store.ConnectionString))
        {
            var db = client.GetDatabase();
            // About 60 MB in the store's memory, so that a checkpoint has to write that much.
            var page = new string('x', 16 * 1024);
            for (var i = 0; i < 4000; i += 100)
            {
                await Task.WhenAll(Enumerable.Range(i, 100).Select(async k => { await db.StringSetAsync($"base:{k}", page); acknowledged[$"base:{k}"] = page; }));
            }
            using var stop = new CancellationTokenSource();
            // The checkpoint must start while every writer is writing: each says so once it has 50 acknowledged writes.
            var writing = Enumerable.Range(0, 4).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
            var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
            {
                for (var n = 0; !stop.IsCancellationRequested; n++)
                {
                    var (key, value) = ($"ack:{w}:{n}", $"{w}/{n}/{new string('v', 500)}");
                    try { await db.StringSetAsync(key, value); }
                    catch (RedisException) { return; }
                    acknowledged[key] = value;
                    if (n == 49) writing[w].SetResult();
                }
            })).ToArray();
            await Task.WhenAll(writing.Select(t => t.Task)).Within(TimeSpan.FromMinutes(1), "the 4 writers never had 50 acknowledged writes each");
            var before = (long)await db.ExecuteAsync("LASTSAVE");
            await db.ExecuteAsync("BGSAVE");
            during = (long)await db.ExecuteAsync("LASTSAVE") == before;
            await store.KillAsync();
            stop.Cancel();
            await Task.WhenAll(writers);
        }
        output.WriteLine($"killed with SIGKILL {(during ? "while the checkpoint was running (LASTSAVE not yet moved)" : "after the checkpoint completed")}; {acknowledged.Count:N0} writes acknowledged");

        await store.StartAsync();
        output.WriteLine(store.Output.Last(l => l.StartsWith("Velib store recovery:", StringComparison.Ordinal)));
        using var after = await ConnectionMultiplexer.ConnectAsync(store.ConnectionString);
        var keys = acknowledged.Keys.ToArray();
        var values = await after.GetDatabase().StringGetAsync([.. keys.Select(k => (RedisKey)k)]);
        var lost = keys.Where((k, i) => values[i] != acknowledged[k]).ToArray();
        output.WriteLine($"after the restart: {keys.Length - lost.Length:N0} of {keys.Length:N0} acknowledged writes present");
        Assert.True(during, "the checkpoint completed before the kill: the test did not crash the store during one");
        Assert.True(lost.Length == 0, $"{lost.Length} acknowledged writes lost, e.g. {string.Join(", ", lost.Take(5))}");
        await store.StopAsync();
    }

    [Fact]
    public async Task A_torn_AOF_tail_is_dropped_the_store_says_so_and_the_app_carries_on()
    {
        using var store = new StoreProcess(_data, memorySize: "8m", pageSize: "256k");
        await store.StartAsync();
        NetworkSnapshot before;
        await using (var first = await StartClusterAsync(store))
        {
            var ingestion = first.Client.GetGrain<IFeedIngestionGrain>(SystemId.Velib.Value);
            await ingestion.PollMinutesAsync(_time, 6);
            before = await ingestion.GetSnapshot();
        }
        await store.StopAsync();
        var cut = TearAofTail(300);
        output.WriteLine($"cut the last 300 bytes of the AOF's data from {cut}");

        await store.StartAsync();
        var recovery = store.Output.Last(l => l.StartsWith("Velib store recovery:", StringComparison.Ordinal));
        output.WriteLine(recovery);
        Assert.Contains("DROPPED", recovery, StringComparison.Ordinal);

        await using var second = await StartClusterAsync(store);
        var again = second.Client.GetGrain<IFeedIngestionGrain>(SystemId.Velib.Value);
        await again.PollMinutesAsync(_time, 2);
        var after = await again.GetSnapshot();
        Assert.Equal(before.Stations.Length, after.Stations.Length);
        var detail = await second.Client.GetStation(SystemId.Velib, after.Stations[0].Id).GetDetail();
        Assert.NotNull(detail);
        Assert.NotEmpty(detail.History);
    }

    /// <summary>Cuts <paramref name="bytes"/> off the end of the AOF's data, in the middle of its last records, as a torn write leaves it.</summary>
    private string TearAofTail(int bytes)
    {
        foreach (var file in Directory.GetFiles(Path.Combine(_data, "AOF"), "aof.log.*").OrderByDescending(f => long.Parse(Path.GetExtension(f)[1..], System.Globalization.CultureInfo.InvariantCulture)))
        {
            var content = File.ReadAllBytes(file);
            var end = Array.FindLastIndex(content, b => b != 0) + 1;
            if (end < bytes) continue;
            using var stream = new FileStream(file, FileMode.Open);
            stream.SetLength(end - bytes);
            return $"{Path.GetFileName(file)} (data ended at {end:N0})";
        }
        throw new InvalidOperationException("no AOF segment holds data");
    }

    private Task<VelibTestCluster> StartClusterAsync(StoreProcess store)
    {
        var settings = VelibTestCluster.Live("http://127.0.0.1:9/gbfs.json");
        settings["Velib:Feed:Mode"] = "simulated";
        return VelibTestCluster.StartAsync(settings, time: _time, stateInStore: true, serviceId: _serviceId, storeConnection: store.ConnectionString);
    }


    public void Dispose()
    {
        if (Directory.Exists(_data)) Directory.Delete(_data, recursive: true);
    }
}
