using Microsoft.Extensions.Time.Testing;
using Velib.Contracts.Stations;
using Velib.Silo.Archive;
using Velib.Silo.Feed;
using Velib.Silo.Feed.Simulation;
using Velib.Silo.Stations;

namespace Velib.Benchmarks;

/// <summary>One simulated day at a 60 s poll: raw feed bytes against archive bytes (hourly Parquet flushes).</summary>
internal static class ArchiveSizeBenchmark
{
    public static async Task RunAsync()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero));
        var simulator = new FeedSimulator(time);
        var catalog = new FeedCatalog(TimeSpan.FromHours(1));
        var previous = new Dictionary<long, Station>();
        var hour = new List<StationChange>();
        long rawBytes = 0, archiveBytes = 0, rows = 0;
        for (var minute = 0; minute < 24 * 60; minute++)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var documents = await simulator.FetchAsync(catalog.IsDue(now), CancellationToken.None);
            rawBytes += documents.Status.Length + (documents.Information?.Length ?? 0);
            var parsed = catalog.Parse(documents, now);
            catalog.Commit(parsed);
            var diff = NetworkDiff.Compute(previous, parsed.Stations, now);
            hour.AddRange(diff.ForGrains.Select(s => StationChange.Of(s, now, parsed.FeedUpdatedUtc ?? now)));
            previous = diff.Stations.ToDictionary(s => s.Id);
            time.Advance(TimeSpan.FromMinutes(1));
            if ((minute + 1) % 60 == 0)
            {
                archiveBytes += (await ParquetCodec.WriteAsync([.. hour.Select(c => ChangeRow.From("velib", c))])).Length;
                rows += hour.Count;
                hour.Clear();
            }
        }
        Console.WriteLine($"archive, one simulated day at a 60 s poll: {rows:N0} change rows in 24 hourly objects = {archiveBytes / 1024.0 / 1024.0:0.00} MiB " +
            $"({(double)archiveBytes / rows:0.0} B/row); raw status+information documents = {rawBytes / 1024.0 / 1024.0:0} MiB/day (uncompressed JSON)");
    }
}
