using Velib.Gbfs;

namespace Velib.Lake.Forecast;

/// <summary>The baselines, fitted on the same examples: calibrated persistence and climatology.</summary>
public sealed class Baselines
{
    private readonly Tally _persistence = new(), _climate = new(), _overall = new();

    public static Baselines Fit(IReadOnlyList<StockPair> pairs)
    {
        var b = new Baselines();
        foreach (var p in pairs)
        {
            var (hour, weekend) = ParisTime.HourAndWeekend(p.AtUtc);
            foreach (var target in StockModel.Targets)
            {
                var y = p.Next.Of(target) > 0 ? 1 : 0;
                b._persistence.Add(((long)target << 8) | (long)Math.Min(p.Now.Of(target), 10), y);
                b._climate.Add(ClimateKey(p.StationId, target, hour, weekend), y);
                b._overall.Add((long)target, y);
            }
        }
        return b;
    }

    /// <summary>1 if there is one now, else 0 (clipped for the log loss).</summary>
    public static double Hard(int countNow) => countNow > 0 ? 0.999 : 0.001;

    /// <summary>P(at least one next | count now = k), k capped at 10, pooled over stations and hours.</summary>
    public double Calibrated(ForecastTarget target, int countNow)
    {
        var (sum, n) = _persistence[((long)target << 8) | (long)Math.Min(countNow, 10)];
        return Math.Clamp((sum + 0.5) / (n + 1), 0.001, 0.999);
    }

    /// <summary>The frequency of at least one, per station × Paris hour × weekday/weekend.</summary>
    public double Climatology(long stationId, ForecastTarget target, DateTime atUtc)
    {
        var (hour, weekend) = ParisTime.HourAndWeekend(atUtc);
        var (sum, n) = _overall[(long)target];
        return Math.Clamp(_climate.Shrunk(ClimateKey(stationId, target, hour, weekend), sum / Math.Max(n, 1), 1), 0.001, 0.999);
    }

    private static long ClimateKey(long stationId, ForecastTarget target, int hour, bool weekend) =>
        (stationId << 8) | ((long)target << 6) | ((long)hour << 1) | (weekend ? 1L : 0);
}
