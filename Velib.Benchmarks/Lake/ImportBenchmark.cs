using System.Diagnostics;
using Velib.Lake.Import;

namespace Velib.Benchmarks.Lake;

/// <summary>
/// The shared history (5.2 million snapshot rows) imported into a private s3rver: rows per second of a first import,
/// of a second one (which writes nothing), then the lake over months: a month's timeline at PT1H and the state at an
/// instant, each with a cold reader (a fresh process's caches), and a station's month as its chart reads it
/// (<c>/api/stations/{id}/history?step=PT1H</c>: the archive reader's changes of the month for that station and its
/// state at the start), cold and then warm.
/// </summary>
internal static class ImportBenchmark
{
    public static async Task RunAsync()
    {
        var history = Path.Combine(SharedFolder.Find(), "data", "velib", "history");
        string[] paths = [Path.Combine(history, "stations-2025-11-10_2026-04-30.parquet"), Path.Combine(history, "status-2025-11-10_2026-04-30.parquet")];
        await using var s3 = await LocalS3.StartAsync(LakeBenchmark.RepositoryRoot());
        var store = s3.Store();
        var importer = new LakeImporter(store, new ImportOptions(), TimeProvider.System);
        var first = await importer.ImportAsync(paths, SilentObserver.Instance, CancellationToken.None);
        Console.WriteLine($"first import:  {first.Describe()}");
        var second = await importer.ImportAsync(paths, SilentObserver.Instance, CancellationToken.None);
        Console.WriteLine($"second import: {second.Describe()}");
        var from = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var run = 1; run <= 3; run++)
        {
            var reader = new LakeReader(new LakeIndex(store, TimeProvider.System, TimeSpan.FromSeconds(30)), new LakeObjectCache(store, 4_000_000),
                null, "velib/", TimeProvider.System);
            var started = Stopwatch.GetTimestamp();
            var points = await reader.TimelineAsync(from, from.AddDays(31), TimeSpan.FromHours(1));
            var timeline = Stopwatch.GetElapsedTime(started);
            started = Stopwatch.GetTimestamp();
            var network = await reader.NetworkAtAsync(from.AddDays(40).AddHours(8.25));
            Console.WriteLine($"cold reader {run}: March 2026 timeline at PT1H ({points.Length} points) {timeline.TotalMilliseconds:0} ms; state at {from.AddDays(40).AddHours(8.25):O} ({network.Length} stations) {Stopwatch.GetElapsedTime(started).TotalMilliseconds:0} ms");
        }
        await StationMonthAsync(store, network: from.AddDays(30), station: null);
    }

    /// <summary>The 30 days before <paramref name="network"/> of the busiest station, as the history endpoint reads them with a step.</summary>
    private static async Task StationMonthAsync(Velib.Lake.Storage.S3ArchiveStore store, DateTime network, long? station)
    {
        var reader = new LakeReader(new LakeIndex(store, TimeProvider.System, TimeSpan.FromSeconds(30)), new LakeObjectCache(store, 4_000_000),
            null, "velib/", TimeProvider.System);
        var from = network.AddDays(-30);
        for (var run = 1; run <= 3; run++)
        {
            var started = Stopwatch.GetTimestamp();
            var atStart = reader.NetworkAtAsync(from);
            var all = await reader.ChangesAsync(from, network);
            var id = station ??= all.GroupBy(c => c.StationId).MaxBy(g => g.Count())!.Key;
            var changes = all.Where(c => c.StationId == id && c.ObservedUtc < network).DistinctBy(c => c.ObservedUtc).ToList();
            var first = (await atStart).FirstOrDefault(s => s.Id == id);
            Console.WriteLine($"{(run == 1 ? "cold" : "warm")} reader: station {id}'s 30 days before {network:yyyy-MM-dd} ({changes.Count} of {all.Count} changes, "
                + $"state at the start {(first is null ? "none" : "found")}) {Stopwatch.GetElapsedTime(started).TotalMilliseconds:0} ms");
        }
    }
}
