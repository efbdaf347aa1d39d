using Velib.Gbfs;

namespace Velib.Lake.Forecast;

/// <summary>
/// P(at least one at now + horizon) by calibrated persistence refined, each level shrunk towards the one above so
/// that thin cells fall back on pooled evidence, then calibrated:
/// <list type="number">
/// <item>pooled: the count now (capped at 10), its trend over the last hour (down, same, up or unknown:
/// <see cref="Trend"/>) and the horizon (half-hours);</item>
/// <item>the same by Paris three-hour block and weekday/weekend (the city's daily flows);</item>
/// <item>a per-station correction, by the count now (0, 1, 2, 3-5, 6+), part of day and weekday/weekend: how this
/// station departs from the pooled odds (a station that is refilled or drained more than others);</item>
/// <item>a <see cref="Calibrator"/> by trend, target, count band and horizon, fitted on the history's last two weeks
/// as forecast by the same model fitted without them: the city's odds drift with the season, and a model that
/// averages months is otherwise off in its middle probabilities.</item>
/// </list>
/// Fitting is passes of counting over the examples (<see cref="StockModelFit"/>), so the same data always give the
/// same model. Horizons the examples do not cover (an hourly history asked for 15 minutes) are interpolated between
/// the nearest fitted ones, and below the shortest between what is there now and that horizon's odds.
/// </summary>
public sealed class StockModel
{
    private const double BlockStrength = 50, StationStrength = 30;
    private const int Buckets = 7;
    private int[]? _fitted;

    internal Tally Pooled { get; } = new();
    internal Tally Blocks { get; } = new();
    internal Tally Stations { get; } = new();
    internal Tally StationLevels { get; } = new();
    internal Tally Horizons { get; } = new();
    internal Tally Seen { get; } = new();
    internal CountSpread Spread { get; } = new();
    internal Calibrator Calibration { get; } = new();

    public int Examples { get; internal set; }

    /// <summary>Fits on <paramref name="pairs"/>, enumerated four times (see <see cref="StockModelFit"/>).</summary>
    public static StockModel Fit(IEnumerable<StockPair> pairs, StockFitSettings? settings = null) => StockModelFit.Run(pairs, settings ?? StockFitSettings.Default);

    /// <summary>The first pass: the pooled, block, horizon and count-change cells.</summary>
    internal void Count(StockPair p, int hour, bool weekend, bool trends)
    {
        Examples++;
        var bucket = Bucket(p.Horizon);
        Horizons.Add(bucket, 1);
        Seen.Add(p.StationId, 1);
        foreach (var target in Targets)
        {
            var k = p.Now.Of(target);
            var next = p.Next.Of(target);
            Spread.Add(target, k, bucket, hour, weekend, next - k);
            // Every example counts for the unknown trend (the odds when the state before is not known), and for its own.
            Pooled.Add(PooledKey(target, k, bucket, Trend.Unknown), next > 0 ? 1 : 0);
            Blocks.Add(BlockKey(target, k, bucket, hour, weekend, Trend.Unknown), next > 0 ? 1 : 0);
            var trend = trends ? Trend.Of(k, p.Before?.Of(target)) : Trend.Unknown;
            if (trend == Trend.Unknown) continue;
            Pooled.Add(PooledKey(target, k, bucket, trend), next > 0 ? 1 : 0);
            Blocks.Add(BlockKey(target, k, bucket, hour, weekend, trend), next > 0 ? 1 : 0);
        }
    }

    /// <summary>The second pass: how each station departs from the block odds.</summary>
    internal void Correct(StockPair p, int hour, bool weekend, bool trends)
    {
        var bucket = Bucket(p.Horizon);
        foreach (var target in Targets)
        {
            var k = p.Now.Of(target);
            var trend = trends ? Trend.Of(k, p.Before?.Of(target)) : Trend.Unknown;
            var residual = (p.Next.Of(target) > 0 ? 1 : 0) - BlockOdds(target, k, bucket, hour, weekend, trend);
            Stations.Add(StationKey(p.StationId, target, k, hour, weekend), residual);
            StationLevels.Add(StationKey(p.StationId, target, k, 0, false), residual);
        }
    }

    /// <summary>The uncalibrated odds of one fitted horizon bucket: block odds and the station's correction.</summary>
    internal double Raw(long stationId, ForecastTarget target, int k, int bucket, int hour, bool weekend, int trend)
    {
        var (residual, n) = Stations[StationKey(stationId, target, k, hour, weekend)];
        var (level, m) = StationLevels[StationKey(stationId, target, k, 0, false)];
        // The cell of this part of day is shrunk towards the station's own level at this count, itself towards none.
        var prior = level / (m + StationStrength);
        return Math.Clamp(BlockOdds(target, k, bucket, hour, weekend, trend) + (residual + StationStrength * prior) / (n + StationStrength), 0.001, 0.999);
    }

    /// <summary>The calibrator's group: trend, target, count band (0, 1, 2, 3-5, 6-10, 11+) and horizon bucket.</summary>
    internal static long CalibrationGroup(ForecastTarget target, int k, int bucket, int trend) =>
        ((long)trend << 8) | ((long)target << 6) | ((long)(k <= 2 ? k : k <= 5 ? 3 : k <= 10 ? 4 : 5) << 3) | (long)bucket;

    public static readonly ForecastTarget[] Targets = [ForecastTarget.Bikes, ForecastTarget.Mechanical, ForecastTarget.Ebike, ForecastTarget.Docks];

    /// <summary>True when the examples saw this station: only then is a forecast for it more than the network's odds.</summary>
    public bool Knows(long stationId) => Seen[stationId].N > 0;

    /// <summary>The probability of at least one <paramref name="target"/> at <paramref name="atUtc"/> + <paramref name="horizon"/>.</summary>
    /// <param name="countBefore">The count about an hour before (<see cref="Trend"/>), when known.</param>
    public double Probability(long stationId, ForecastTarget target, int countNow, DateTime atUtc, TimeSpan horizon, int? countBefore = null)
    {
        var (hour, weekend) = ParisTime.HourAndWeekend(atUtc);
        var trend = Trend.Of(countNow, countBefore);
        var (below, above, weight) = Span(horizon);
        double Odds(int bucket) => Calibration.Apply(CalibrationGroup(target, countNow, bucket, trend), Raw(stationId, target, countNow, bucket, hour, weekend, trend));
        double odds;
        if (below < 0)
        {
            // Shorter than any fitted horizon: from what is there now towards the shortest fitted horizon's odds.
            var now = countNow > 0 ? 1.0 : 0.0;
            odds = now + (Odds(above) - now) * weight;
        }
        else
        {
            odds = below == above ? Odds(below) : Odds(below) * (1 - weight) + Odds(above) * weight;
        }
        return Math.Clamp(odds, 0.001, 0.999);
    }

    /// <summary>P(count = 0 … <paramref name="slots"/>) at now + horizon, consistent with <see cref="Probability"/> for zero.</summary>
    public double[] Distribution(long stationId, ForecastTarget target, int countNow, int slots, DateTime atUtc, TimeSpan horizon, int? countBefore = null)
    {
        var (hour, weekend) = ParisTime.HourAndWeekend(atUtc);
        var (below, above, weight) = Span(horizon);
        var nearest = below < 0 || weight >= 0.5 ? above : below;
        return Spread.Distribution(target, countNow, slots, nearest, hour, weekend, Probability(stationId, target, countNow, atUtc, horizon, countBefore));
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

    private double BlockOdds(ForecastTarget target, int k, int bucket, int hour, bool weekend, int trend)
    {
        // A trend never seen at this count (or a model fitted without trends) falls back on the unknown trend.
        if (trend != Trend.Unknown && Pooled[PooledKey(target, k, bucket, trend)].N == 0) trend = Trend.Unknown;
        var (sum, n) = Pooled[PooledKey(target, k, bucket, trend)];
        var pooled = (sum + 0.5) / (n + 1);
        return Blocks.Shrunk(BlockKey(target, k, bucket, hour, weekend, trend), pooled, BlockStrength);
    }

    internal static int Bucket(TimeSpan horizon) => Math.Clamp((int)Math.Round(horizon.TotalMinutes / 30), 0, Buckets - 1);

    private static long PooledKey(ForecastTarget target, int k, int bucket, int trend) =>
        ((long)target << 11) | ((long)trend << 8) | ((long)Math.Min(k, 10) << 3) | (long)bucket;

    private static long BlockKey(ForecastTarget target, int k, int bucket, int hour, bool weekend, int trend) =>
        (PooledKey(target, k, bucket, trend) << 5) | ((long)(hour / 3) << 1) | (weekend ? 1L : 0);

    private static long StationKey(long stationId, ForecastTarget target, int k, int hour, bool weekend) =>
        (stationId << 12) | ((long)target << 8) | ((long)(k <= 2 ? k : k <= 5 ? 3 : 4) << 4) | ((long)(hour / 6) << 1) | (weekend ? 1L : 0);
}
