using Velib.Lake.Import;
using Velib.Contracts.Forecast;
using Velib.Contracts.Stations;
using Velib.Lake.Forecast;
using Velib.Tests.Import;
using Velib.Tests.Support;

namespace Velib.Tests.Forecast;

/// <summary>The refit's pure parts: sampling, determinism, the stored bytes, horizons the history lacks, reasons instead of numbers.</summary>
[Unit]
public sealed class ForecastModelTests
{
    private static SnapshotSeries Series(IEnumerable<StatusFileRow> rows)
    {
        var series = new SnapshotSeries();
        foreach (var r in rows) series.Observe(r.ObservedAt, r.StationId, (int)r.Mechanical, (int)r.Ebike, (int)r.Docks, true);
        series.Finish();
        return series;
    }

    private static FittedModel Fitted(SnapshotSeries series)
    {
        var model = StockModel.Fit(series.Pairs());
        return new FittedModel(new ForecastModelInfo(ForecastHistory.Start.AddDays(10), series.FirstUtc, series.LastUtc, series.Count, model.Examples), model);
    }

    private static Station Station(long id, int mechanical, int ebike, int docks, bool renting = true) =>
        new(id, $"{id}001", $"Station {id}", 48.85, 2.35, 20, mechanical, ebike, docks, true, renting, true, null, null);

    [Fact]
    public void The_same_history_gives_the_same_model_bytes_even_when_the_rows_of_a_snapshot_come_in_another_order()
    {
        var rows = ForecastHistory.Hourly(days: 5);
        // Within each snapshot the stations in reverse: the order the spool and S3 may hand them over in.
        var shuffled = rows.GroupBy(r => r.ObservedAt).SelectMany(g => g.Reverse()).ToList();

        var a = StockModelFile.Write(Fitted(Series(rows)));
        var b = StockModelFile.Write(Fitted(Series(rows)));
        var c = StockModelFile.Write(Fitted(Series(shuffled)));

        Assert.Equal(a, b);
        Assert.Equal(a, c);
        Assert.Equal(a, StockModelFile.Write(StockModelFile.Read(a, "test")));
    }

    [Fact]
    public void A_model_read_back_forecasts_exactly_as_the_one_fitted()
    {
        var fitted = Fitted(Series(ForecastHistory.Hourly(days: 5)));
        var read = StockModelFile.Read(StockModelFile.Write(fitted), "test");
        var at = ForecastHistory.Start.AddDays(10).AddHours(9);

        Assert.Equal(fitted.Info, read.Info);
        foreach (var minutes in new[] { 5, 15, 30, 60, 90, 180 })
        {
            foreach (var target in StockModel.Targets)
            {
                Assert.Equal(fitted.Model.Probability(1, target, 1, at, TimeSpan.FromMinutes(minutes)), read.Model.Probability(1, target, 1, at, TimeSpan.FromMinutes(minutes)));
            }
        }
    }

    [Fact]
    public void A_truncated_model_object_is_an_error_naming_its_key()
    {
        var bytes = StockModelFile.Write(Fitted(Series(ForecastHistory.Hourly(days: 2))));

        var error = Assert.Throws<InvalidDataException>(() => StockModelFile.Read(bytes[..(bytes.Length / 2)], "velib/forecast/date=2026-03-12/stock-model.bin"));

        Assert.Contains("velib/forecast/date=2026-03-12/stock-model.bin", error.Message);
    }

    [Fact]
    public void Snapshots_are_sampled_at_least_29_minutes_apart_and_paired_up_to_three_hours_ahead()
    {
        var t = ForecastHistory.Start;
        var series = new SnapshotSeries();
        // A one-minute feed for four hours: one station changing every minute.
        for (var m = 0; m <= 240; m++) series.Observe(t.AddMinutes(m), 1, m % 5, 0, 10, true);
        series.Finish();

        var pairs = series.Pairs().ToList();

        Assert.InRange(series.Count, 8, 9);
        Assert.All(pairs, p => Assert.InRange(p.Horizon, TimeSpan.FromMinutes(29), TimeSpan.FromHours(3.5)));
        Assert.Contains(pairs, p => p.Horizon < TimeSpan.FromMinutes(45));
        Assert.Contains(pairs, p => p.Horizon > TimeSpan.FromMinutes(150));
    }

    [Fact]
    public void A_horizon_shorter_than_the_history_s_snapshots_lies_between_now_and_the_shortest_fitted_odds()
    {
        var model = Fitted(Series(ForecastHistory.Hourly(days: 5))).Model;
        var at = ForecastHistory.Start.AddDays(10).AddHours(12);
        double P(int count, int minutes) => model.Probability(3, ForecastTarget.Bikes, count, at, TimeSpan.FromMinutes(minutes));

        // Hourly snapshots only: 15 minutes is not the 60-minute odds, nor a made-up 0.5.
        Assert.True(P(0, 15) < P(0, 60), $"empty now: {P(0, 15)} at 15 min < {P(0, 60)} at 60 min");
        Assert.True(P(1, 15) > P(1, 60), $"one now: {P(1, 15)} at 15 min > {P(1, 60)} at 60 min");
    }

    [Fact]
    public void A_station_the_model_never_saw_or_out_of_service_gets_a_reason_and_no_number()
    {
        var model = Fitted(Series(ForecastHistory.Hourly(days: 3))).Model;
        var at = ForecastHistory.Start.AddDays(10);

        var forecasts = NetworkForecaster.Forecast(model, [Station(99, 1, 1, 5), Station(3, 1, 1, 5, renting: false), Station(1, 1, 1, 5)], at, TimeSpan.FromMinutes(30));
        var empty = NetworkForecaster.Forecast(null, [Station(1, 1, 1, 5)], at, TimeSpan.FromMinutes(30));

        Assert.Equal([1L, 3, 99], forecasts.Select(f => f.Id));
        Assert.Equal(new StationForecast(99, null, null, null, null, ForecastReasons.NoHistory), forecasts[2]);
        Assert.Equal(new StationForecast(3, null, null, null, null, ForecastReasons.NotInService), forecasts[1]);
        Assert.Null(forecasts[0].Reason);
        Assert.All(new[] { forecasts[0].Bikes, forecasts[0].Mechanical, forecasts[0].Ebike, forecasts[0].Docks }, p => Assert.InRange(p!.Value, 0.001, 0.999));
        Assert.Equal(ForecastReasons.NoHistory, Assert.Single(empty).Reason);
    }

    [Fact]
    public void A_station_s_count_distribution_sums_to_one_and_agrees_with_its_odds_of_at_least_one()
    {
        var model = Fitted(Series(ForecastHistory.Hourly(days: 5))).Model;
        var at = ForecastHistory.Start.AddDays(10).AddHours(9);

        var detail = NetworkForecaster.Detail(model, at.Date, Station(1, 2, 1, 17), at, TimeSpan.FromHours(1));

        var counts = Assert.IsType<CountDistributions>(detail.Counts);
        foreach (var (odds, distribution) in new[] { (detail.Forecast.Bikes, counts.Bikes), (detail.Forecast.Ebike, counts.Ebike), (detail.Forecast.Docks, counts.Docks) })
        {
            Assert.Equal(21, distribution.Length);
            Assert.Equal(1, distribution.Sum(), 3);
            Assert.Equal(1 - odds!.Value, distribution[0], 3);
        }
    }
}
