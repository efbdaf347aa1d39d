using Velib.Gbfs;

namespace Velib.Web.Replay;

/// <summary>
/// A station's typical day from its samples (the server's, one a step): the mean bikes by Paris hour over the days
/// sampled. Pure, so the chart and its tests share it.
/// </summary>
public static class StationWeek
{
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
