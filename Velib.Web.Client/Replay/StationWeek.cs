using Velib.Contracts.Stations;

namespace Velib.Web.Replay;

/// <summary>
/// A station's week from its archived changes: bikes sampled every hour, and the typical day (the mean by Paris
/// hour over the days sampled). Pure, so the chart and its tests share it.
/// </summary>
public static class StationWeek
{
    /// <summary>Bikes at each step from the first change on; a step before any change has no value and is left out.</summary>
    public static List<(DateTime AtUtc, int Bikes)> Sample(IReadOnlyList<StationChange> changes, DateTime fromUtc, DateTime toUtc, TimeSpan step)
    {
        var samples = new List<(DateTime, int)>();
        var next = 0;
        StationChange? current = null;
        for (var at = fromUtc; at <= toUtc; at += step)
        {
            while (next < changes.Count && changes[next].ObservedUtc <= at) current = changes[next++];
            if (current is not null) samples.Add((at, current.Mechanical + current.Ebike));
        }
        return samples;
    }

    /// <summary>Mean bikes for each Paris hour of the day (0-23); null for an hour never sampled.</summary>
    public static double?[] TypicalDay(IEnumerable<(DateTime AtUtc, int Bikes)> samples)
    {
        var sums = new double[24];
        var counts = new int[24];
        foreach (var (at, bikes) in samples)
        {
            var hour = ParisTime.Of(at).Hour;
            sums[hour] += bikes;
            counts[hour]++;
        }
        return [.. Enumerable.Range(0, 24).Select(h => counts[h] == 0 ? (double?)null : sums[h] / counts[h])];
    }
}
