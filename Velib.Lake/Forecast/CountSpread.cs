namespace Velib.Lake.Forecast;

/// <summary>
/// How counts move over a horizon: the frequency of each change (next − now, within ±31) by target, count now
/// (0, 1, 2, 3-5, 6-10, 11+), horizon bucket, Paris three-hour block and weekday/weekend. Gives a station's count
/// distribution, bounded by its slots and scaled so that P(0) is the model's own.
/// </summary>
public sealed class CountSpread
{
    private const int Widest = 31;

    internal Tally Cells { get; } = new();

    internal void Add(ForecastTarget target, int k, int bucket, int hour, bool weekend, int change) =>
        Cells.Add(Key(target, k, bucket, hour, weekend, Math.Clamp(change, -Widest, Widest)), 1);

    /// <summary>P(count = 0 … <paramref name="slots"/>), with P(count ≥ 1) = <paramref name="atLeastOne"/>.</summary>
    public double[] Distribution(ForecastTarget target, int k, int slots, int bucket, int hour, bool weekend, double atLeastOne)
    {
        slots = Math.Max(slots, Math.Max(k, 1));
        var p = new double[slots + 1];
        for (var change = -Widest; change <= Widest; change++)
        {
            var n = Cells[Key(target, k, bucket, hour, weekend, change)].N;
            if (n > 0) p[Math.Clamp(k + change, 0, slots)] += n;
        }
        var positive = p.Skip(1).Sum();
        if (positive <= 0)
        {
            // Never seen moving up from here: the mass that is not zero stays at the count now (or one, from empty).
            Array.Clear(p);
            p[Math.Max(k, 1)] = 1;
            positive = 1;
        }
        p[0] = 1 - atLeastOne;
        for (var v = 1; v <= slots; v++) p[v] = p[v] / positive * atLeastOne;
        return p;
    }

    private static long Key(ForecastTarget target, int k, int bucket, int hour, bool weekend, int change) =>
        ((long)target << 20) | ((long)KBand(k) << 16) | ((long)bucket << 12) | ((long)(hour / 3) << 8) | ((weekend ? 1L : 0) << 7) | (long)(change + Widest);

    private static int KBand(int k) => k <= 2 ? k : k <= 5 ? 3 : k <= 10 ? 4 : 5;
}
