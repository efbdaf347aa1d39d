using Velib.Contracts.Systems;
using Velib.Contracts.Feed;
using Velib.Contracts.Stations;

namespace Velib.Lake.Import;

/// <summary>
/// Turns consecutive snapshots into the lake's rows as live ingestion would: a station's first observation and every
/// change of its counts or flags is a change at that snapshot's time, and the first snapshot of each hour writes a
/// checkpoint (every station of the snapshot at its latest change). Pure and in time order, so the same
/// observations always give the same rows.
/// </summary>
public static class SnapshotDiff
{
    /// <summary>Day by day, oldest first; <paramref name="observations"/> are in time order.</summary>
    public static IEnumerable<DayPlan> Days(IReadOnlyList<Observation> observations)
    {
        var latest = new Dictionary<long, StationChange>();
        DateTime? checkpointHour = null;
        var day = DateTime.MinValue;
        List<ChangeRow> changes = [];
        List<Checkpoint> checkpoints = [];
        int snapshots = 0;
        long rows = 0;
        for (var start = 0; start < observations.Count;)
        {
            var at = observations[start].ObservedUtc;
            var end = start;
            while (end < observations.Count && observations[end].ObservedUtc == at) end++;
            if (at.Date != day)
            {
                if (snapshots > 0) yield return new DayPlan(day, changes, checkpoints, snapshots, rows);
                (day, changes, checkpoints, snapshots, rows) = (at.Date, [], [], 0, 0);
            }
            for (var i = start; i < end; i++)
            {
                var o = observations[i];
                if (latest.TryGetValue(o.StationId, out var before) && !o.DiffersFrom(before)) continue;
                var change = new StationChange(o.StationId, o.Code, at, at, o.Mechanical, o.Ebike, o.Docks, o.Installed, o.Renting, o.Returning, o.LastReportedUtc);
                latest[o.StationId] = change;
                changes.Add(ChangeRow.From(SystemId.Velib.Value, change));
            }
            if (checkpointHour != ArchiveLayout.HourOf(at))
            {
                checkpointHour = ArchiveLayout.HourOf(at);
                // As live: each station at its latest change, with this snapshot's report time and feed time.
                List<StationChange> state = new(end - start);
                for (var i = start; i < end; i++)
                {
                    state.Add(latest[observations[i].StationId] with { FeedUpdatedUtc = at, LastReportedUtc = observations[i].LastReportedUtc });
                }
                checkpoints.Add(new Checkpoint(at, state));
            }
            snapshots++;
            rows += end - start;
            start = end;
        }
        if (snapshots > 0) yield return new DayPlan(day, changes, checkpoints, snapshots, rows);
    }
}
