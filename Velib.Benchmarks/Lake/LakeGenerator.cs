using Velib.Contracts.Systems;
using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using Velib.Contracts.Feed;
using Velib.Contracts.Stations;
using Velib.Silo.Archive;
using Velib.Silo.Archive.Spool;
using Velib.Silo.Feed;
using Velib.Silo.Feed.Simulation;
using Velib.Silo.Ingestion;

namespace Velib.Benchmarks.Lake;

/// <summary>
/// Writes the lake an ingestion grain with a 1-minute poll and an hourly flush would have written, without the
/// cluster: the simulator's documents through <see cref="IngestCycle"/> (parse → join → diff), then per hour one
/// changes object (keyed by the flush that follows the hour) and one checkpoint of the hour's first cycle, plus the
/// station list of the first cycle. Keys and Parquet come from the app's own <see cref="ArchiveLayout"/> and codec.
/// </summary>
internal sealed class LakeGenerator(S3ArchiveStore store, string prefix)
{
    private long _bytes;
    private int _objects;

    public async Task<LakeSize> WriteAsync(DateTime fromUtc, int days)
    {
        var started = Stopwatch.GetTimestamp();
        // Read station_information once: the simulated list never changes, so the grain would write it once too.
        var catalog = new FeedCatalog(TimeSpan.FromDays(days + 1));
        var previous = new Dictionary<long, Station>();
        long changeRows = 0, checkpointRows = 0, stationRows = 0;
        for (var hour = fromUtc; hour < fromUtc.AddDays(days); hour = hour.AddHours(1))
        {
            var statuses = StatusDocuments(hour);
            var changes = new List<StationChange>();
            for (var minute = 0; minute < 60; minute++)
            {
                var now = hour.AddMinutes(minute);
                var information = catalog.IsDue(now) ? (await new FeedSimulator(new FakeTimeProvider(now)).FetchAsync(true, default)).Information : null;
                var cycle = IngestCycle.Run(catalog, new FeedDocuments(statuses[minute], information, null), previous, now);
                changes.AddRange(cycle.Changes);
                if (catalog.InformationChanged(cycle.Parsed) is { } stations)
                {
                    stationRows += stations.Count;
                    await PutAsync(ArchiveLayout.StationsKey(prefix, now), [.. stations.Select(s => new StationRow
                    {
                        System = SystemId.Velib.Value, StationId = s.Id, StationCode = s.Code, Name = s.Name, Lat = s.Lat, Lon = s.Lon,
                        Capacity = s.Capacity, ObservedAt = now,
                    })]);
                }
                if (minute == 0)
                {
                    // As the grain does: every station's latest change, stamped with when it last changed.
                    var feedUpdated = cycle.Parsed.FeedUpdatedUtc ?? now;
                    var checkpoint = cycle.Diff.Stations.Select(s => ChangeRow.From(SystemId.Velib.Value, StationChange.Of(s, s.LastChangeUtc ?? now, feedUpdated))).ToList();
                    checkpointRows += checkpoint.Count;
                    await PutAsync(ArchiveLayout.CheckpointKey(prefix, now), checkpoint);
                }
                catalog.Commit(cycle.Parsed);
                previous = cycle.Diff.Stations.ToDictionary(s => s.Id);
            }
            // The hourly flush that follows the hour names the object after its own start and batch id.
            var batch = SpoolBatch.New(SpoolBatchKind.Changes, hour.AddHours(1));
            await PutAsync(ArchiveLayout.ChangesKey(prefix, hour, batch.StampUtc, batch.BatchId), [.. changes.Select(c => ChangeRow.From(SystemId.Velib.Value, c))]);
            changeRows += changes.Count;
        }
        return new LakeSize(fromUtc, fromUtc.AddDays(days), changeRows, checkpointRows, stationRows, _objects, _bytes, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>The hour's 60 status documents. The simulator is a pure function of time, so both cores can write them.</summary>
    private static ReadOnlyMemory<byte>[] StatusDocuments(DateTime hour)
    {
        var documents = new ReadOnlyMemory<byte>[60];
        Parallel.For(0, 60, () => (Time: new FakeTimeProvider(), Simulator: (FeedSimulator?)null), (minute, _, local) =>
        {
            local.Simulator ??= new FeedSimulator(local.Time);
            // A worker's minutes need not come in order, and SetUtcNow only moves forward.
            local.Time.AdjustTime(hour.AddMinutes(minute));
            documents[minute] = local.Simulator.FetchAsync(false, default).Result.Status;
            return local;
        }, _ => { });
        return documents;
    }

    private async Task PutAsync<T>(string key, IReadOnlyCollection<T> rows) where T : class, new()
    {
        var body = await ParquetCodec.WriteAsync(rows);
        await store.PutAsync(key, body, CancellationToken.None);
        _bytes += body.Length;
        _objects++;
    }
}
