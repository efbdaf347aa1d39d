using Velib.Contracts.Systems;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Velib.Contracts.Archive;
using Velib.Contracts.Feed;
using Velib.Silo.Archive;
using Velib.Silo.Health;
using Velib.Tests.Support;
using Xunit.Abstractions;
using Velib.Store.Launch;

namespace Velib.Tests.Store;

/// <summary>
/// The store's disk fills up under the running app: Velib.Store as the AppHost runs it, on a small tmpfs, with the
/// app's grains polling into it. What the operator sees (status, health), that polling pauses instead of losing
/// changes, and that it all resumes by itself once space returns.
/// </summary>
[Integration]
public sealed class StoreDiskFullAppTests(ITestOutputHelper output)
{
    private readonly string _serviceId = "velib-test-" + Guid.NewGuid().ToString("N");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 17, 40, 0, TimeSpan.Zero));

    [RootFact]
    public async Task When_the_stores_disk_fills_polling_pauses_and_says_why_the_silo_is_degraded_and_no_change_is_lost_once_space_returns()
    {
        using var disk = await SmallDisk.MountAsync("48m");
        using var store = new StoreProcess(disk.Path, memorySize: "8m", maxAofSize: "8m", pageSize: "256k");
        await store.StartAsync();
        var settings = VelibTestCluster.Live("http://127.0.0.1:9/gbfs.json");
        settings["Velib:Feed:Mode"] = "simulated";
        await using var cluster = await VelibTestCluster.StartAsync(settings, time: _time, stateInStore: true, serviceId: _serviceId,
            storeConnection: store.ConnectionString);
        var ingestion = cluster.Client.GetGrain<IFeedIngestionGrain>(SystemId.Velib.Value);
        var archive = cluster.Client.GetGrain<IArchiveGrain>(SystemId.Velib.Value);
        long spooled = 0;
        spooled += await ingestion.PollMinutesAsync(_time, 3);
        Assert.Equal(spooled, (await archive.GetStatus()).PendingChanges);

        // The disk fills: a file takes every byte left.
        var filler = Path.Combine(disk.Path, "filler");
        FillDisk(filler);
        var failures = new List<FeedStatus>();
        // Bounded waits on the store's state (it refuses writes once its AOF cannot grow), not timing checks.
        await Waits.UntilAsync(async () =>
        {
            _time.Advance(TimeSpan.FromMinutes(1));
            var changes = await ingestion.Poll();
            var status = await ingestion.GetStatus();
            if (status.LastError is null) spooled += changes;
            else failures.Add(status);
            output.WriteLine($"full: {changes} changes, {(status.LastError is null ? "ok" : "failed")}, expected {spooled}, pending {await PendingOrNull(archive)}");
            return failures.Count >= 3;
        }, TimeSpan.FromMinutes(3), "polling never failed 3 times on the full disk");
        output.WriteLine($"while full: {failures[^1].LastError}");
        Assert.All(failures, f => Assert.StartsWith("store:", f.LastError, StringComparison.Ordinal));
        var health = ClusterHealthCheck.Assess(failures[^1], await archive.GetStatus(),
            cluster.Cluster.GetSiloServiceProvider().GetRequiredService<IOptions<ArchiveOptions>>().Value.MaxPendingChanges);
        output.WriteLine($"health: {health.Status}: {health.Description}");
        Assert.Equal(HealthStatus.Degraded, health.Status);
        Assert.Contains("feed failed", health.Description, StringComparison.Ordinal);
        Assert.Equal(spooled, (await archive.GetStatus()).PendingChanges);
        await Waits.UntilAsync(() => store.Output.Any(l => l.Contains("WRITES REFUSED", StringComparison.Ordinal)), TimeSpan.FromSeconds(60),
            "the store never said that it refuses writes");

        // Space returns: the store restarts its Garnet on the same folder, and the next polls succeed.
        File.Delete(filler);
        var resumedAfter = Stopwatch.StartNew();
        await Waits.UntilAsync(async () =>
        {
            _time.Advance(TimeSpan.FromMinutes(1));
            var changes = await ingestion.Poll();
            var status = await ingestion.GetStatus();
            if (status.LastError is null) spooled += changes;
            output.WriteLine($"after: {changes} changes, {(status.LastError is null ? "ok" : "failed")}, expected {spooled}, pending {await PendingOrNull(archive)}");
            return status.LastError is null;
        }, TimeSpan.FromMinutes(3), "polling never resumed once the space returned");
        output.WriteLine($"polling again {resumedAfter.Elapsed.TotalSeconds:0.0} s after the space returned; store: {store.Output.LastOrDefault(l => l.Contains("writes resumed", StringComparison.Ordinal))}");
        spooled += await ingestion.PollMinutesAsync(_time, 1);
        // Every change is spooled. A cycle whose write the full disk tore may be spooled again by its re-run (a
        // repeated row, see SpoolScripts.Append), so the spool can hold more than the polls counted, never fewer.
        var pending = (await archive.GetStatus()).PendingChanges;
        output.WriteLine($"spooled after the disk was full: {pending:N0} rows for {spooled:N0} changes counted ({pending - spooled:N0} repeated)");
        Assert.True(pending >= spooled, $"{spooled - pending:N0} changes lost: {pending:N0} rows spooled for {spooled:N0} changes");
        Assert.Equal(HealthStatus.Healthy, ClusterHealthCheck.Assess(await ingestion.GetStatus(), await archive.GetStatus(), long.MaxValue).Status);
    }

    private static async Task<string> PendingOrNull(IArchiveGrain archive)
    {
        try { return (await archive.GetStatus()).PendingChanges.ToString(System.Globalization.CultureInfo.InvariantCulture); }
        catch (Exception ex) { return ex.GetType().Name; }
    }

    private static void FillDisk(string path)
    {
        var block = new byte[1 << 16];
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        try
        {
            while (true) file.Write(block);
        }
        catch (IOException)
        {
            // ENOSPC: the disk is full, as intended.
        }
    }
}
