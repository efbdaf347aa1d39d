using Velib.Contracts.Systems;
using System.Diagnostics;
using Orleans.TestingHost;
using Velib.Contracts.Archive;
using Velib.Contracts.Feed;
using Velib.Contracts.Stations;

namespace Velib.Benchmarks.Months;

/// <summary>
/// Months of Paris on a simulated clock: the simulated network polled every minute of feed time through the real
/// ingestion, station and archive grains, into a Velib.Store process started as the AppHost starts it, with the
/// archive flushed to a private s3rver every simulated hour (as its hourly reminder would). Per day it reports what
/// the store wrote per change, its data folder, its memory and the silo's; at the end it restarts both on the same
/// folder and times the way back to serving the map.
/// </summary>
internal static class MonthsBenchmark
{
    // A Sunday night: whole weeks from here, weekdays and weekends alike.
    private static readonly DateTimeOffset From = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task RunAsync(int days, TimeSpan poll, bool keep)
    {
        await using var rig = await MonthsRig.StartAsync("velib-months-", From);
        var (root, data, store, time) = (rig.Root, rig.Data, rig.Store, rig.Time);
        Console.WriteLine($"{days} simulated days, a poll every {poll.TotalSeconds:0} s of feed time, store: {data}");
        Console.WriteLine($"store: dotnet Velib.Store.dll {string.Join(' ', store.Arguments)}");

        var rows = new List<MonthsDay>();
        var cluster = await rig.StartSiloAsync();
        var ingestion = cluster.Client.GetGrain<IFeedIngestionGrain>(SystemId.Velib.Value);
        var archive = cluster.Client.GetGrain<IArchiveGrain>(SystemId.Velib.Value);
        var perDay = (int)(TimeSpan.FromDays(1) / poll);
        var perHour = (int)(TimeSpan.FromHours(1) / poll);
        var cycleMs = new List<double>(perDay);
        for (var day = 1; day <= days; day++)
        {
            var dayClock = Stopwatch.StartNew();
            var (tailBefore, _) = await store.AofAsync();
            long changes = 0;
            cycleMs.Clear();
            for (var i = 1; i <= perDay; i++)
            {
                time.Advance(poll);
                var started = Stopwatch.GetTimestamp();
                changes += await ingestion.Poll();
                cycleMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (i % perHour != 0) continue;
                var status = await ingestion.GetStatus();
                if (status.ConsecutiveFailures > 0) throw new InvalidOperationException($"day {day}, poll {i}: {status.LastError}");
                if ((await archive.Flush()).Error is { } error) Console.WriteLine($"day {day}: flush failed: {error}");
            }
            var (tail, begin) = await store.AofAsync();
            cycleMs.Sort();
            var pending = (await archive.GetStatus()).PendingChanges;
            rows.Add(new MonthsDay(day, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime.AddDays(-1)), changes, tail - tailBefore, tail - begin,
                store.FolderBytes(), store.ResidentBytes(), Environment.WorkingSet, pending, dayClock.Elapsed.TotalSeconds, cycleMs[cycleMs.Count / 2]));
            Console.WriteLine(MonthsReport.Line(rows[^1]));
        }

        var restart = await RestartAsync(cluster, rig);
        Console.WriteLine();
        Console.WriteLine(MonthsReport.Table(rows, restart));
        var plot = Path.Combine(root, "docs", "store-months.svg");
        await File.WriteAllTextAsync(plot, MonthsPlot.Svg(rows));
        Console.WriteLine($"plot: {Path.GetRelativePath(root, plot)}");
        await store.DisposeAsync();
        // Kept on request, to start the whole app on it (Velib:DataDir is the folder holding garnet/).
        if (keep) Console.WriteLine($"store folder kept: {data}");
        else Directory.Delete(data, recursive: true);
    }

    /// <summary>Ctrl+C and start again: the silo stops (saving the network), then the store; both start on the same folder.</summary>
    private static async Task<MonthsRestart> RestartAsync(InProcessTestCluster cluster, MonthsRig rig)
    {
        var (store, time) = (rig.Store, rig.Time);
        var ingestion = cluster.Client.GetGrain<IFeedIngestionGrain>(SystemId.Velib.Value);
        var before = await ingestion.GetSnapshot();
        var sample = before.Stations.Where((_, i) => i % 30 == 0).Select(s => s.Id).ToArray();
        var historiesBefore = await Task.WhenAll(sample.Select(id => cluster.Client.GetStation(SystemId.Velib, id).GetDetail()));
        await cluster.DisposeAsync();
        await store.StopAsync();
        var folder = store.FolderBytes();

        var storeUp = await store.StartAsync();
        var (tail, begin) = await store.AofAsync();
        var clock = Stopwatch.StartNew();
        await using var second = await rig.StartSiloAsync();
        var siloUp = clock.Elapsed;
        clock.Restart();
        var after = await second.Client.GetGrain<IFeedIngestionGrain>(SystemId.Velib.Value).GetSnapshot();
        var served = clock.Elapsed;
        if (!after.Stations.SequenceEqual(before.Stations)) throw new InvalidOperationException("the network after the restart differs from the one before");
        var historiesAfter = await Task.WhenAll(sample.Select(id => second.Client.GetStation(SystemId.Velib, id).GetDetail()));
        foreach (var (b, a) in historiesBefore.Zip(historiesAfter))
        {
            if (!b!.History.SequenceEqual(a!.History)) throw new InvalidOperationException($"station {b.Station.Id}: {b.History.Length} changes in its 24 h before the restart, {a.History.Length} after");
        }
        clock.Restart();
        time.Advance(TimeSpan.FromMinutes(1));
        var changes = await second.Client.GetGrain<IFeedIngestionGrain>(SystemId.Velib.Value).Poll();
        var status = await second.Client.GetGrain<IFeedIngestionGrain>(SystemId.Velib.Value).GetStatus();
        if (status.ConsecutiveFailures > 0) throw new InvalidOperationException($"the first poll after the restart failed: {status.LastError}");
        return new MonthsRestart(folder, tail - begin, storeUp, siloUp, served, clock.Elapsed, after.Stations.Length, sample.Length, changes);
    }
}
