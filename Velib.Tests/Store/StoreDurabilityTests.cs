using Velib.Contracts.Systems;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Runtime;
using Velib.Contracts.Feed;
using Velib.Contracts.Stations;
using Velib.Tests.Support;
using Xunit.Abstractions;

namespace Velib.Tests.Store;

/// <summary>
/// The store is a database, not a cache: with far less memory than what is written, nothing acknowledged is
/// evicted; after a checkpoint, a restart replays only the AOF's tail, and every grain's state is intact.
/// </summary>
[Grain]
public sealed class StoreDurabilityTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "velib-durable-" + Guid.NewGuid().ToString("N"));
    private readonly string _serviceId = "velib-test-" + Guid.NewGuid().ToString("N");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 17, 40, 0, TimeSpan.Zero));

    private Task<VelibTestCluster> StartAsync(TestStore store)
    {
        var settings = VelibTestCluster.Live("http://127.0.0.1:9/gbfs.json");
        settings["Velib:Feed:Mode"] = "simulated";
        return VelibTestCluster.StartAsync(settings, store: store, time: _time, stateInStore: true, serviceId: _serviceId);
    }

    /// <summary>The ingestion grain started (reminders registered) and through its first cycle.</summary>
    private static async Task<IFeedIngestionGrain> FirstCycleAsync(VelibTestCluster cluster)
    {
        var ingestion = cluster.Client.GetGrain<IFeedIngestionGrain>(SystemId.Velib.Value);
        await ingestion.Start();
        await ingestion.Poll();
        return ingestion;
    }


    private static async Task<string[]> RemindersAsync(VelibTestCluster cluster, GrainId grain) =>
        [.. (await cluster.Cluster.GetSiloServiceProvider().GetRequiredService<IReminderTable>().ReadRows(grain)).Reminders.Select(r => r.ReminderName)];

    private static long Number(Dictionary<string, string> info, string name) => long.Parse(info[name], CultureInfo.InvariantCulture);

    [Fact]
    public async Task With_store_memory_far_smaller_than_what_is_written_a_quiet_station_keeps_its_detail_and_history_and_the_reminders_survive()
    {
        const long memory = 2 << 20;
        using var store = TestStore.Persistent(_data, memorySize: "2m", pageSize: "256k");
        StationDetail quietBefore;
        long quietId;
        GrainId ingestionId;
        await using (var first = await StartAsync(store))
        {
            var ingestion = await FirstCycleAsync(first);
            ingestionId = ingestion.GetGrainId();
            var firstSeen = (await ingestion.GetSnapshot()).ObservedUtc;
            await ingestion.PollMinutesAsync(_time, 10);
            // A station that has not changed since it was first seen: nothing about it is written again.
            var quiet = (await ingestion.GetSnapshot()).Stations.First(s => s.LastChangeUtc == firstSeen);
            quietId = quiet.Id;
            quietBefore = (await first.Client.GetStation(SystemId.Velib, quietId).GetDetail())!;
            Assert.Single(quietBefore.History);
        }

        // Twelve times the store's memory of later writes.
        await store.FillAsync("velib:test:filler", 12 * memory);
        var log = await store.InfoAsync("store");
        output.WriteLine($"log: begin {log["Log.BeginAddress"]}, head {log["Log.HeadAddress"]}, tail {log["Log.TailAddress"]}; memory {memory:N0}");
        Assert.True(Number(log, "Log.TailAddress") - Number(log, "Log.BeginAddress") > 8 * memory, "the store's log is not much larger than its memory");
        Assert.True(Number(log, "Log.HeadAddress") > Number(log, "Log.BeginAddress") + memory, "no part of the log has left memory");

        // A new cluster reads everything back from the store: the network, the recent log, the reminders.
        await using var second = await StartAsync(store);
        var after = await second.Client.GetStation(SystemId.Velib, quietId).GetDetail();
        Assert.NotNull(after);
        Assert.Equal(quietBefore.Station with { LastReportedUtc = null }, after.Station with { LastReportedUtc = null });
        Assert.Equal(quietBefore.History.ToArray(), after.History.ToArray());
        Assert.Contains("velib.ingest", await RemindersAsync(second, ingestionId));
    }

    [Fact]
    public async Task After_a_checkpoint_and_more_writes_a_restart_replays_only_the_AOF_tail_and_every_grain_state_is_intact()
    {
        using var store = TestStore.Persistent(_data, memorySize: "8m", maxAofSize: "2m", pageSize: "256k");
        NetworkSnapshot before;
        StationDetail?[] detailsBefore;
        long[] ids;
        GrainId ingestionId;
        await using (var first = await StartAsync(store))
        {
            var ingestion = await FirstCycleAsync(first);
            ingestionId = ingestion.GetGrainId();
            await ingestion.PollMinutesAsync(_time, 5);
            output.WriteLine($"AOF after 6 cycles: {await store.AofTailAsync():N0} bytes");
            // Past Velib:Store:MaxAofSize: Garnet checks every 5 s and takes a checkpoint, which moves the AOF's begin.
            await store.FillAsync("velib:test:filler", 3 << 20);
            // A bounded wait on the store's state, not a timing check: the bound is far above Garnet's 5 s.
            var waited = Stopwatch.StartNew();
            await Waits.UntilAsync(async () => Number(await store.InfoAsync("persistence"), "BeginAddress") > 64, TimeSpan.FromMinutes(3),
                "the store never took a checkpoint after the AOF passed its size limit");
            output.WriteLine($"checkpoint after {waited.Elapsed.TotalSeconds:0.0} s; AOF {await store.AofTailAsync():N0} bytes");
            // More writes after the checkpoint: only these are in the tail.
            await ingestion.PollMinutesAsync(_time, 5);
            before = await ingestion.GetSnapshot();
            ids = [.. before.Stations.Take(40).Select(s => s.Id)];
            detailsBefore = await Task.WhenAll(ids.Select(id => first.Client.GetStation(SystemId.Velib, id).GetDetail()));
        }
        var written = await store.AofTailAsync();
        var folder = new DirectoryInfo(_data).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
        output.WriteLine($"AOF before the restart: {await store.AofLengthAsync():N0} bytes since the checkpoint, {written:N0} in all; data folder {folder:N0} bytes");

        var restart = Stopwatch.StartNew();
        await store.RestartAsync();
        var replayed = await store.AofLengthAsync();
        output.WriteLine($"restart: {restart.ElapsedMilliseconds} ms, replayed an AOF tail of {replayed:N0} bytes out of {written:N0} written");
        Assert.True(Number(await store.InfoAsync("persistence"), "BeginAddress") > 64, "the restarted store replays its AOF from the beginning");
        Assert.True(replayed < written / 2, $"replayed {replayed:N0} of {written:N0} bytes");

        await using var second = await StartAsync(store);
        var ingestionAfter = second.Client.GetGrain<IFeedIngestionGrain>(SystemId.Velib.Value);
        // The network as it was (GetSnapshot before any poll reads the saved state).
        var after = await ingestionAfter.GetSnapshot();
        Assert.Equal(before.Stations.ToArray(), after.Stations.ToArray());
        var detailsAfter = await Task.WhenAll(ids.Select(id => second.Client.GetStation(SystemId.Velib, id).GetDetail()));
        Assert.All(detailsBefore.Zip(detailsAfter), p => Assert.Equal(p.First!.History.ToArray(), p.Second!.History.ToArray()));
        Assert.Contains("velib.ingest", await RemindersAsync(second, ingestionId));
        // And it carries on from there: the next poll of the same feed changes nothing.
        Assert.Equal(0, await ingestionAfter.Poll());
    }

    public void Dispose()
    {
        if (Directory.Exists(_data)) Directory.Delete(_data, recursive: true);
    }
}
