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
/// Fitting is two passes of counting over the examples, so the same data always give the same model.
/// </summary>
public sealed class StockModel
{
    private const double BlockStrength = 50, StationStrength = 30;
    private readonly Tally _pooled = new(), _blocks = new(), _stations = new();

    public int Examples { get; private set; }

    public static StockModel Fit(IReadOnlyList<StockPair> pairs)
    {
        var model = new StockModel { Examples = pairs.Count };
        foreach (var p in pairs)
        {
            var (hour, weekend) = ParisTime.Of(p.AtUtc);
            foreach (var target in Targets)
            {
                var y = p.Next.Of(target) > 0 ? 1 : 0;
                var k = p.Now.Of(target);
                model._pooled.Add(PooledKey(target, k, p.Horizon), y);
                model._blocks.Add(BlockKey(target, k, p.Horizon, hour, weekend), y);
            }
        }
        foreach (var p in pairs)
        {
            var (hour, weekend) = ParisTime.Of(p.AtUtc);
            foreach (var target in Targets)
            {
                var k = p.Now.Of(target);
                var y = p.Next.Of(target) > 0 ? 1 : 0;
                model._stations.Add(StationKey(p.StationId, target, k, hour, weekend), y - model.BlockOdds(target, k, p.Horizon, hour, weekend));
            }
        }
        return model;
    }

    public static readonly ForecastTarget[] Targets = [ForecastTarget.Bikes, ForecastTarget.Mechanical, ForecastTarget.Ebike, ForecastTarget.Docks];

    /// <summary>The probability of at least one <paramref name="target"/> at <paramref name="atUtc"/> + <paramref name="horizon"/>.</summary>
    public double Probability(long stationId, ForecastTarget target, int countNow, DateTime atUtc, TimeSpan horizon)
    {
        var (hour, weekend) = ParisTime.Of(atUtc);
        var block = BlockOdds(target, countNow, horizon, hour, weekend);
        var (residual, n) = _stations[StationKey(stationId, target, countNow, hour, weekend)];
        return Math.Clamp(block + residual / (n + StationStrength), 0.001, 0.999);
    }

    private double BlockOdds(ForecastTarget target, int k, TimeSpan horizon, int hour, bool weekend)
    {
        var (sum, n) = _pooled[PooledKey(target, k, horizon)];
        var pooled = (sum + 0.5) / (n + 1);
        return _blocks.Shrunk(BlockKey(target, k, horizon, hour, weekend), pooled, BlockStrength);
    }

    private static long PooledKey(ForecastTarget target, int k, TimeSpan horizon) =>
        ((long)target << 8) | ((long)Math.Min(k, 10) << 3) | (long)Math.Clamp((int)Math.Round(horizon.TotalMinutes / 30), 0, 6);

    private static long BlockKey(ForecastTarget target, int k, TimeSpan horizon, int hour, bool weekend) =>
        (PooledKey(target, k, horizon) << 5) | ((long)(hour / 3) << 1) | (weekend ? 1L : 0);

    private static long StationKey(long stationId, ForecastTarget target, int k, int hour, bool weekend) =>
        (stationId << 12) | ((long)target << 8) | ((long)(k <= 2 ? k : k <= 5 ? 3 : 4) << 4) | ((long)(hour / 6) << 1) | (weekend ? 1L : 0);
}
