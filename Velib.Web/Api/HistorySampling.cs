using Velib.Contracts.Stations;

namespace Velib.Web.Api;

/// <summary>
/// A station's history thinned to one point a step, on the server: a month of a busy station is thousands of
/// changes, the chart needs its state each hour. Pure, so the endpoint and its tests share it.
/// </summary>
public static class HistorySampling
{
    /// <summary>
    /// The station's state at <paramref name="fromUtc"/> and every <paramref name="step"/> before <paramref name="toUtc"/>:
    /// the last change at or before each instant, stamped with that instant. <paramref name="atStart"/> is its state
    /// at the start (null for a station the archive did not know then); a step before any known state is left out.
    /// </summary>
    public static List<HistoryPoint> Sample(StationChange? atStart, IReadOnlyList<StationChange> ordered, DateTime fromUtc, DateTime toUtc, TimeSpan step)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(step, TimeSpan.Zero);
        var points = new List<HistoryPoint>();
        var current = atStart;
        var next = 0;
        for (var at = fromUtc; at < toUtc; at += step)
        {
            while (next < ordered.Count && ordered[next].ObservedUtc <= at) current = ordered[next++];
            if (current is not null) points.Add(HistoryPoint.From(current) with { ObservedUtc = at });
        }
        return points;
    }
}
