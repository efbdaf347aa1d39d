using System.Globalization;
using Velib.Lake.Forecast;

namespace Velib.Benchmarks.Forecast;

/// <summary>
/// <c>--forecast --sweep</c>: the same split scored for several fitting settings (the calibrator's held-out length,
/// trends or not), one line each: Brier over calibrated persistence on low stock and overall, and the worst
/// reliability gap in the bins of at least 100 forecasts (in brackets: in any bin).
/// </summary>
internal static class ForecastSweep
{
    private static readonly ForecastTarget[] Scored = [ForecastTarget.Bikes, ForecastTarget.Ebike, ForecastTarget.Docks];

    public static void Run(List<StockPair> train, List<StockPair> test, Baselines baselines)
    {
        StockFitSettings[] variants = [new(TimeSpan.Zero, Trends: false), new(TimeSpan.Zero), new(TimeSpan.FromDays(14), Trends: false),
            new(TimeSpan.FromDays(7)), StockFitSettings.Default, new(TimeSpan.FromDays(28))];
        foreach (var settings in variants)
        {
            var model = StockModel.Fit(train, settings);
            var line = new List<string>();
            foreach (var target in Scored)
            {
                Score low = new(), lowBase = new(), all = new(), allBase = new();
                var reliability = new Reliability();
                foreach (var p in test)
                {
                    var k = p.Now.Of(target);
                    var y = p.Next.Of(target) > 0 ? 1 : 0;
                    var f = model.Probability(p.StationId, target, k, p.AtUtc, p.Horizon, p.Before?.Of(target));
                    var c = baselines.Calibrated(target, k);
                    all.Add(f, y);
                    allBase.Add(c, y);
                    reliability.Add(f, y);
                    if (k > 2) continue;
                    low.Add(f, y);
                    lowBase.Add(c, y);
                }
                var worst = reliability.Bins.Where(b => b.N >= 100).Max(b => Math.Abs(b.Observed - b.Forecast));
                var worstAny = reliability.Bins.Max(b => Math.Abs(b.Observed - b.Forecast));
                line.Add(string.Create(CultureInfo.InvariantCulture, $"{target} low {low.Brier / lowBase.Brier:0.000} all {all.Brier / allBase.Brier:0.000} gap {worst:0.000} ({worstAny:0.000})"));
            }
            Console.WriteLine($"calibrated on the last {settings.HeldOut.TotalDays:0} d, {(settings.Trends ? "with" : "without")} trends: {string.Join(" | ", line)}");
        }
    }
}
