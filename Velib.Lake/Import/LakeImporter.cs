using Velib.Contracts.Systems;
using System.Diagnostics;

namespace Velib.Lake.Import;

/// <summary>
/// Imports history into the lake, day by day, oldest first: a finished day's changes go straight into its
/// <c>changes-daily</c> object (as compaction would have left them), the current day's into hourly <c>changes</c>
/// objects, then the day's checkpoints. Within a day changes are written before checkpoints, so a reader never finds
/// a checkpoint whose later changes are missing. Keys depend only on the input, so a re-run after an interruption
/// writes the same objects, and an object already holding every row is not written again.
/// </summary>
public sealed class LakeImporter(S3ArchiveStore store, ImportOptions options, TimeProvider time)
{
    private const string ImportBatch = "import";

    public async Task<ImportSummary> ImportAsync(IReadOnlyList<string> paths, IImportObserver observer, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var inputs = await ImportInputs.ReadAsync(paths, observer, cancellationToken);
        // Everything is read and checked: only now does anything reach the lake.
        var writer = new ObjectMerger(store);
        int written = 0, unchanged = 0, days = 0, snapshots = 0;
        long changes = 0;
        // One stations object per time a list is valid from (a stations file has one, a GBFS folder one per change).
        foreach (var list in inputs.Stations.GroupBy(s => s.ObservedAt))
        {
            var key = ArchiveLayout.StationsKey(options.Prefix, list.Key);
            if (await writer.PutIfAbsentAsync(key, list.ToList(), cancellationToken)) written++; else unchanged++;
        }
        observer.Phase("write", inputs.Observations.Count);
        var finishedBefore = time.GetUtcNow().UtcDateTime - options.Interval - TimeSpan.FromMinutes(10);
        foreach (var day in SnapshotDiff.Days(inputs.Observations))
        {
            var result = await WriteDayAsync(writer, day, day.DayUtc.AddDays(1) <= finishedBefore, cancellationToken);
            (written, unchanged, changes) = (written + result.Written, unchanged + result.Unchanged, changes + result.Changes);
            days++;
            snapshots += day.Snapshots;
            observer.Advance(day.Observations);
        }
        var stations = inputs.Observations.Select(o => o.StationId).Distinct().Count();
        return new ImportSummary(snapshots, stations, inputs.Observations.Count, changes, days, written, unchanged, Stopwatch.GetElapsedTime(started))
        {
            SkippedFiles = inputs.SkippedFiles, SkippedRecords = inputs.SkippedRecords,
        };
    }

    private async Task<(int Written, int Unchanged, long Changes)> WriteDayAsync(ObjectMerger writer, DayPlan day, bool finished, CancellationToken cancellationToken)
    {
        int written = 0, unchanged = 0;
        long changes = 0;
        var targets = finished
            ? [(ArchiveLayout.DailyChangesKey(options.Prefix, day.DayUtc), day.Changes)]
            : day.Changes.GroupBy(c => ArchiveLayout.HourOf(c.ObservedAt))
                .Select(h => (ArchiveLayout.ChangesKey(options.Prefix, h.Key, h.Key, ImportBatch), h.ToList())).ToList();
        foreach (var (key, rows) in targets)
        {
            var added = await writer.MergeAsync(key, rows, cancellationToken);
            if (added > 0) written++; else unchanged++;
            changes += added;
        }
        var existing = (await store.ListAsync(ArchiveLayout.CheckpointsDayPrefix(options.Prefix, day.DayUtc), cancellationToken)).ToHashSet();
        var missing = day.Checkpoints.Where(c => !existing.Contains(ArchiveLayout.CheckpointKey(options.Prefix, c.AtUtc))).ToList();
        await Parallel.ForEachAsync(missing, new ParallelOptions { MaxDegreeOfParallelism = options.Uploads, CancellationToken = cancellationToken },
            async (checkpoint, ct) => await writer.PutAsync(ArchiveLayout.CheckpointKey(options.Prefix, checkpoint.AtUtc),
                [.. checkpoint.Rows.Select(c => ChangeRow.From(Contracts.Systems.SystemId.Velib.Value, c))], ct));
        return (written + missing.Count, unchanged + day.Checkpoints.Count - missing.Count, changes);
    }
}
