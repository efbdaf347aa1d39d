namespace Velib.Lake.Forecast;

/// <summary>
/// P(at least one at now + horizon) by calibrated persistence refined twice, each level shrunk towards the one above
/// so that thin cells fall back on pooled evidence:
/// <list type="number">
/// <item>pooled: the count now (capped at 10) and the horizon (half-hours);</item>
/// <item>the same by Paris three-hour block and weekday/weekend (the city's daily flows);</item>
/// <item>a per-station correction, by the count now (0, 1, 2, 3-5, 6+), part of day and weekday/weekend: how this
/// station departs from the pooled odds (a station that is refilled or drained more than others).</item>
/// </list>
/// Fitting is two passes of counting over the examples, so the same data always give the same model. Horizons the
/// examples do not cover (an hourly history asked for 15 minutes) are interpolated between the nearest fitted ones,
/// and below the shortest between what is there now and that horizon's odds.
/// </summary>
public sealed class StockModel
{
    private const double BlockStrength = 50, StationStrength = 30;
    private const int Buckets = 7;
    private int[]? _fitted;

    internal Tally Pooled { get; } = new();
    internal Tally Blocks { get; } = new();
    internal Tally Stations { get; } = new();
    internal Tally Horizons { get; } = new();
    internal Tally Seen { get; } = new();
    internal CountSpread Spread { get; } = new();

    public int Examples { get; internal set; }

    /// <summary>Fits on <paramref name="pairs"/>, enumerated twice (the second pass needs the first's odds).</summary>
    public static StockModel Fit(IEnumerable<StockPair> pairs)
    {
        var model = new StockModel();
        foreach (var p in pairs)
        {
            model.Examples++;
            var (hour, weekend) = ParisTime.Of(p.AtUtc);
            var bucket = Bucket(p.Horizon);
            model.Horizons.Add(bucket, 1);
            model.Seen.Add(p.StationId, 1);
            foreach (var target in Targets)
            {
                var k = p.Now.Of(target);
                var next = p.Next.Of(target);
                var y = next > 0 ? 1 : 0;
                model.Pooled.Add(PooledKey(target, k, bucket), y);
                model.Blocks.Add(BlockKey(target, k, bucket, hour, weekend), y);
                model.Spread.Add(target, k, bucket, hour, weekend, next - k);
            }
        }
        foreach (var p in pairs)
        {
            var (hour, weekend) = ParisTime.Of(p.AtUtc);
            var bucket = Bucket(p.Horizon);
            foreach (var target in Targets)
            {
                var k = p.Now.Of(target);
                var y = p.Next.Of(target) > 0 ? 1 : 0;
                model.Stations.Add(StationKey(p.StationId, target, k, hour, weekend), y - model.BlockOdds(target, k, bucket, hour, weekend));
            }
        }
        return model;
    }

    public static readonly ForecastTarget[] Targets = [ForecastTarget.Bikes, ForecastTarget.Mechanical, ForecastTarget.Ebike, ForecastTarget.Docks];

    /// <summary>True when the examples saw this station: only then is a forecast for it more than the network's odds.</summary>
    public bool Knows(long stationId) => Seen[stationId].N > 0;

    /// <summary>The probability of at least one <paramref name="target"/> at <paramref name="atUtc"/> + <paramref name="horizon"/>.</summary>
    public double Probability(long stationId, ForecastTarget target, int countNow, DateTime atUtc, TimeSpan horizon)
    {
        var (hour, weekend) = ParisTime.Of(atUtc);
        var (below, above, weight) = Span(horizon);
        double block;
        if (below < 0)
        {
            // Shorter than any fitted horizon: from what is there now towards the shortest fitted horizon's odds.
            var now = countNow > 0 ? 1.0 : 0.0;
            block = now + (BlockOdds(target, countNow, above, hour, weekend) - now) * weight;
        }
        else
        {
            block = BlockOdds(target, countNow, below, hour, weekend) * (1 - weight) + BlockOdds(target, countNow, above, hour, weekend) * weight;
        }
        var (residual, n) = Stations[StationKey(stationId, target, countNow, hour, weekend)];
        return Math.Clamp(block + residual / (n + StationStrength), 0.001, 0.999);
    }

    /// <summary>P(count = 0 … <paramref name="slots"/>) at now + horizon, consistent with <see cref="Probability"/> for zero.</summary>
    public double[] Distribution(long stationId, ForecastTarget target, int countNow, int slots, DateTime atUtc, TimeSpan horizon)
    {
        var (hour, weekend) = ParisTime.Of(atUtc);
        var (below, above, weight) = Span(horizon);
        var nearest = below < 0 || weight >= 0.5 ? above : below;
        return Spread.Distribution(target, countNow, slots, nearest, hour, weekend, Probability(stationId, target, countNow, atUtc, horizon));
    }

    /// <summary>The fitted horizon buckets around <paramref name="horizon"/> and the weight of the upper one (below is -1 under the shortest).</summary>
    private (int Below, int Above, double Weight) Span(TimeSpan horizon)
    {
        // Computed once the model is complete (fitted or read); a race computes the same array twice, harmlessly.
        var fitted = _fitted ??= [.. Enumerable.Range(0, Buckets).Where(b => Horizons[b].N > 0 && Horizons[b].N * 100L >= Examples)];
        if (fitted.Length == 0) return (0, 0, 0);
        // A horizon whose own half-hour was fitted uses it as it is.
        if (fitted.Contains(Bucket(horizon))) return (Bucket(horizon), Bucket(horizon), 0);
        var half = horizon.TotalMinutes / 30;
        var above = fitted.FirstOrDefault(b => b >= half, -1);
        if (above < 0) return (fitted[^1], fitted[^1], 0);
        var below = fitted.LastOrDefault(b => b < half, -1);
        return below < 0 ? (-1, above, half / above) : (below, above, (half - below) / (above - below));
    }

    private double BlockOdds(ForecastTarget target, int k, int bucket, int hour, bool weekend)
    {
        var (sum, n) = Pooled[PooledKey(target, k, bucket)];
        var pooled = (sum + 0.5) / (n + 1);
        return Blocks.Shrunk(BlockKey(target, k, bucket, hour, weekend), pooled, BlockStrength);
    }

    internal static int Bucket(TimeSpan horizon) => Math.Clamp((int)Math.Round(horizon.TotalMinutes / 30), 0, Buckets - 1);

    private static long PooledKey(ForecastTarget target, int k, int bucket) =>
        ((long)target << 8) | ((long)Math.Min(k, 10) << 3) | (long)bucket;

    private static long BlockKey(ForecastTarget target, int k, int bucket, int hour, bool weekend) =>
        (PooledKey(target, k, bucket) << 5) | ((long)(hour / 3) << 1) | (weekend ? 1L : 0);

    private static long StationKey(long stationId, ForecastTarget target, int k, int hour, bool weekend) =>
        (stationId << 12) | ((long)target << 8) | ((long)(k <= 2 ? k : k <= 5 ? 3 : 4) << 4) | ((long)(hour / 6) << 1) | (weekend ? 1L : 0);
}
