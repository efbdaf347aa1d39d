using Velib.Lake.Forecast;
using Velib.Tests.Support;

namespace Velib.Tests.Forecast;

/// <summary>The forecast's calibration, pure: isotonic regression, the calibrator's curve, the recent change of a count.</summary>
[Unit]
public sealed class CalibratorTests
{
    [Fact]
    public void Isotonic_regression_pools_the_values_that_break_the_order_and_keeps_the_weighted_mean()
    {
        var fitted = Isotonic.Fit([0.1, 0.5, 0.3, 0.9, 0.7], [1, 1, 3, 1, 1]);

        Assert.Equal([0.1, 0.35, 0.35, 0.8, 0.8], fitted.Select(v => Math.Round(v, 10)));
        Assert.Equal((0.1 + 0.5 + 0.9 + 0.9 + 0.7) / 7, fitted.Zip(new double[] { 1, 1, 3, 1, 1 }, (v, w) => v * w).Sum() / 7, 10);
    }

    [Fact]
    public void A_calibrator_maps_forecasts_that_were_too_low_to_the_frequency_seen_and_stays_monotone()
    {
        var calibrator = new Calibrator();
        // Forecasts of 0.5 that came true 80 % of the time, of 0.9 that came true 95 % of the time.
        for (var i = 0; i < 1000; i++)
        {
            calibrator.Add(1, 0.5, i % 5 == 0 ? 0 : 1);
            calibrator.Add(1, 0.9, i % 20 == 0 ? 0 : 1);
        }

        // (800 + 20 × 0.5) / (1000 + 20): the prior of 20 pseudo-examples at the forecast itself.
        Assert.Equal(810.0 / 1020, calibrator.Apply(1, 0.5), 6);
        Assert.Equal((950 + 18.0) / 1020, calibrator.Apply(1, 0.9), 6);
        var grid = Enumerable.Range(1, 99).Select(i => calibrator.Apply(1, i / 100.0)).ToList();
        Assert.All(grid.Zip(grid.Skip(1)), step => Assert.True(step.First <= step.Second, $"{step.First} > {step.Second}"));
        Assert.Equal(0.3, calibrator.Apply(2, 0.3));
    }

    [Fact]
    public void The_same_held_out_examples_in_another_order_give_the_same_curve()
    {
        var examples = Enumerable.Range(0, 500).Select(i => (Raw: (i * 37 % 100) / 100.0, Outcome: i * 53 % 7 < 4 ? 1 : 0)).ToList();
        Calibrator a = new(), b = new();
        foreach (var (raw, outcome) in examples) a.Add(3, raw, outcome);
        foreach (var (raw, outcome) in Enumerable.Reverse(examples)) b.Add(3, raw, outcome);

        foreach (var p in new[] { 0.01, 0.2, 0.45, 0.5, 0.77, 0.99 }) Assert.Equal(a.Apply(3, p), b.Apply(3, p), 12);
    }

    [Fact]
    public void A_count_s_trend_is_its_change_since_about_an_hour_before_or_unknown()
    {
        Assert.Equal(Trend.Unknown, Trend.Of(0, null));
        Assert.Equal(Trend.Same, Trend.Of(0, 0));
        Assert.Equal(Trend.Down, Trend.Of(0, 3));
        Assert.Equal(Trend.Up, Trend.Of(2, 1));
    }

    [Fact]
    public void A_station_empty_for_an_hour_gets_lower_odds_than_one_just_emptied()
    {
        var monday8 = new DateTime(2026, 3, 2, 7, 0, 0, DateTimeKind.Utc);
        // The same station, empty now: after an hour empty it stays empty; just emptied, a bike is back 9 times in 10.
        List<StockPair> pairs = [.. Enumerable.Range(0, 40).Select(i => new StockPair(1, monday8.AddDays(7 * i), TimeSpan.FromHours(1),
            new StockCounts(0, 0, 20), new StockCounts(i % 2 == 0 || i % 20 == 1 ? 0 : 1, 0, 19), new StockCounts(i % 2 == 0 ? 0 : 4, 0, 16)))];

        var model = StockModel.Fit(pairs);

        double P(int? before) => model.Probability(1, ForecastTarget.Bikes, 0, monday8, TimeSpan.FromHours(1), before);
        Assert.True(P(0) < P(null) && P(null) < P(4), $"empty an hour {P(0)} < unknown {P(null)} < just emptied {P(4)}");
    }
}
