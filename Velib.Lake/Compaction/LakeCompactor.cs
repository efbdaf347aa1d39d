
namespace Velib.Lake.Compaction;

/// <summary>
/// Rewrites a finished day's hourly change objects into one object for the day. It writes the daily object first
/// (merging any daily object already there) and only then deletes the hourly ones, so an interruption leaves rows
/// in both places, never in neither; run again, it merges and deletes what is left. Rows are keyed by station and
/// observation time, which is what makes the merge drop nothing and duplicate nothing.
/// </summary>
public sealed class LakeCompactor(S3ArchiveStore store, string prefix)
{
    /// <summary>Days with hourly change objects that ended before <paramref name="finishedBeforeUtc"/>, oldest first.</summary>
    public async Task<List<DateTime>> DaysToCompactAsync(DateTime finishedBeforeUtc, CancellationToken cancellationToken) =>
    [
        .. (await store.ListAsync(prefix + "changes/", cancellationToken))
            .Select(ArchiveLayout.DayOfKey).OfType<DateTime>().Distinct()
            .Where(day => day.AddDays(1) <= finishedBeforeUtc).Order(),
    ];

    /// <summary>Compacts one day. Returns the rows in its daily object and the hourly objects removed.</summary>
    public async Task<(int Rows, int Removed)> CompactDayAsync(DateTime dayUtc, CancellationToken cancellationToken)
    {
        var hourly = await store.ListAsync(ArchiveLayout.ChangesDayPrefix(prefix, dayUtc), cancellationToken);
        if (hourly.Count == 0) return (0, 0);
        var dailyKey = ArchiveLayout.DailyChangesKey(prefix, dayUtc);
        var rows = new List<ChangeRow>();
        if (await store.TryGetAsync(dailyKey, cancellationToken) is { } daily)
        {
            await using (daily) rows.AddRange(await ParquetCodec.ReadAsync<ChangeRow>(daily, cancellationToken));
        }
        foreach (var key in hourly)
        {
            await using var stream = await store.GetAsync(key, cancellationToken);
            rows.AddRange(await ParquetCodec.ReadAsync<ChangeRow>(stream, cancellationToken));
        }
        List<ChangeRow> merged = [.. rows.DistinctBy(r => (r.StationId, r.ObservedAt)).OrderBy(r => r.ObservedAt).ThenBy(r => r.StationId)];
        await store.PutAsync(dailyKey, await ParquetCodec.WriteAsync(merged, cancellationToken), cancellationToken);
        foreach (var key in hourly)
        {
            await store.DeleteAsync(key, cancellationToken);
        }
        return (merged.Count, hourly.Count);
    }
}
