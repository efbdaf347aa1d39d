using Velib.Lake.Import;

namespace Velib.Lake.Forecast;

/// <summary>
/// Consecutive snapshots into examples: every station installed, renting and returning in a snapshot and present in
/// the next one, with the real gap between them as the horizon.
/// </summary>
public static class StockPairs
{
    public static List<StockPair> From(IReadOnlyList<Observation> ordered)
    {
        var snapshots = new List<(DateTime At, Dictionary<long, Observation> Stations)>();
        foreach (var o in ordered)
        {
            if (snapshots.Count == 0 || snapshots[^1].At != o.ObservedUtc) snapshots.Add((o.ObservedUtc, []));
            snapshots[^1].Stations[o.StationId] = o;
        }
        var pairs = new List<StockPair>(ordered.Count);
        for (var i = 0; i + 1 < snapshots.Count; i++)
        {
            var (at, now) = snapshots[i];
            var (nextAt, next) = snapshots[i + 1];
            // The state about an hour before: the latest snapshot at least Trend.MinAge older, if not older than MaxAge.
            var b = i - 1;
            while (b >= 0 && at - snapshots[b].At < Trend.MinAge) b--;
            var before = b >= 0 && at - snapshots[b].At <= Trend.MaxAge ? snapshots[b].Stations : null;
            foreach (var o in now.Values)
            {
                if (!o.Installed || !o.Renting || !o.Returning || !next.TryGetValue(o.StationId, out var n)) continue;
                pairs.Add(new StockPair(o.StationId, at, nextAt - at, new StockCounts(o.Mechanical, o.Ebike, o.Docks), new StockCounts(n.Mechanical, n.Ebike, n.Docks),
                    before is not null && before.TryGetValue(o.StationId, out var e) ? new StockCounts(e.Mechanical, e.Ebike, e.Docks) : null));
            }
        }
        return pairs;
    }
}
