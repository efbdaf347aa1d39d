using Velib.Contracts.Systems;
using System.Globalization;
using Velib.Contracts.Feed;
using Velib.Silo.Archive;
using Velib.Silo.Archive.Spool;
using Velib.Silo.Feed;
using Velib.Silo.Feed.Simulation;

namespace Velib.Benchmarks.Lake;

/// <summary>
/// Issue 11's time-travel goals: a 7-day lake of the simulated network at a 1-minute poll, written to a private
/// s3rver, then read by <see cref="LakeReader"/> built as the silo builds it (empty Garnet behind the spool view).
/// </summary>
internal static class LakeBenchmark
{
    private static readonly DateTime From = new(2026, 11, 23, 0, 0, 0, DateTimeKind.Utc);

    public static async Task RunAsync(int days = 7)
    {
        var root = RepositoryRoot();
        var options = new ArchiveOptions();
        await using var s3 = await LocalS3.StartAsync(root);
        using var garnet = new LocalStore();
        var store = s3.Store();

        Console.WriteLine($"Writing a {days}-day lake of the simulated network (1-minute poll, hourly flush) to a private s3rver…");
        var lake = await new LakeGenerator(store, options.Prefix).WriteAsync(From, days);
        var onDisk = new DirectoryInfo(s3.DataDir).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"lake {lake.FromUtc:yyyy-MM-dd} to {lake.ToUtc:yyyy-MM-dd}: {lake.ChangeRows:N0} change rows, {lake.CheckpointRows:N0} checkpoint rows, " +
            $"{lake.StationRows:N0} station rows in {lake.Objects:N0} objects = {lake.Bytes / 1048576.0:0.0} MiB of Parquet " +
            $"({onDisk / 1048576.0:0.0} MiB in s3rver's folder); written in {lake.Elapsed.TotalSeconds:0.0} s"));

        var stations = new SimulatedNetwork(75).Stations.Count;
        LakeReader Fresh()
        {
            // As LakeServices builds it, with new caches each time.
            var index = new LakeIndex(store, TimeProvider.System, options.ListingCache);
            var objects = new LakeObjectCache(store, options.ReaderCacheRows);
            var spool = new SpoolView(new StoreSpool(garnet.Database, SystemId.Velib.Value, options.MaxPendingChanges));
            return new LakeReader(index, objects, spool, options.Prefix, TimeProvider.System);
        }
        var timings = new LakeTimings(Fresh, lake, stations);
        var report = new LakeReport();
        report.Note("first read of the process (JIT, first connection)", $"{await timings.FirstReadAsync():0} ms");
        var cold = await timings.StateColdAsync(5);
        report.Goal("state at T, cold (new reader) x5", cold, cold.Max, 300);
        var warm = await timings.StateWarmAsync(20);
        report.Goal("state at T, warm x20", warm, warm.Max, 30);
        var step = TimeSpan.FromMinutes(5);
        var (timelineCold, timelineWarm) = await timings.TimelineAsync(3, 5, step);
        report.Goal("day timeline PT5M, cold (new reader) x3", timelineCold, timelineCold.Max, 1000);
        report.Note("day timeline PT5M, warm x5", timelineWarm.ToString());
        // 60 min/s at 4 ticks a second: each tick moves 15 minutes.
        var (first, steps, again) = await timings.ReplayAsync(TimeSpan.FromMinutes(15));
        report.Note("replay day PT15M: first step (new reader)", $"{first.Max:0.0} ms");
        report.Goal($"replay day PT15M: steps 2-{steps.Count + 1}, p99 / max", steps, steps.Max, 200, steps.P99);
        report.Goal("replay same day again (all cached), p99 / max", again, again.Max, 200, again.P99);
        // Garnet runs in this process and holds its own log and index: measure the reader's share as a difference.
        var before = GC.GetTotalMemory(true);
        var whole = await timings.WholeLakeAsync();
        var held = GC.GetTotalMemory(true) - before;
        GC.KeepAlive(whole);
        report.Note("one reader's caches holding the whole lake", string.Create(CultureInfo.InvariantCulture,
            $"{held / 1048576.0:0} MiB managed ({(double)held / (lake.ChangeRows + lake.CheckpointRows + lake.StationRows):0} B/row)"));
        var gc = GC.GetGCMemoryInfo();
        report.Note("after: process RSS (with in-process Garnet)", $"{Environment.WorkingSet / 1048576.0:0} MiB");
        report.Note("after: GC heap / retained after full GC", $"{gc.HeapSizeBytes / 1048576.0:0} MiB / {GC.GetTotalMemory(true) / 1048576.0:0} MiB");
        report.Print();
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Velib.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("Velib.sln not found above the benchmark's build folder.");
    }
}
