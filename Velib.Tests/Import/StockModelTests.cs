using Velib.Lake.Forecast;
using Velib.Tests.Support;

namespace Velib.Tests.Import;

/// <summary>The forecast model's pure logic: counting, shrinkage, determinism.</summary>
[Unit]
public sealed class StockModelTests
{
    private static readonly DateTime Monday8 = new(2026, 3, 2, 7, 0, 0, DateTimeKind.Utc);

    private static List<StockPair> Pairs(long station, int now, int[] next) =>
        [.. next.Select((n, i) => new StockPair(station, Monday8.AddDays(7 * i), TimeSpan.FromHours(1), new StockCounts(now, 0, 10), new StockCounts(n, 0, 10)))];

    [Fact]
    public void A_station_that_is_always_refilled_gets_better_odds_than_the_pool_at_the_same_count()
    {
        // Station 1 is usually empty an hour after one bike; station 2 always has a bike again.
        List<StockPair> pairs = [.. Pairs(1, 1, [0, 0, 0, 0, 0, 0, 0, 0, 1, 0]), .. Pairs(2, 1, [1, 1, 1, 1, 1, 1, 1, 1, 1, 1])];

        var model = StockModel.Fit(pairs);

        var refilled = model.Probability(2, ForecastTarget.Bikes, 1, Monday8, TimeSpan.FromHours(1));
        var drained = model.Probability(1, ForecastTarget.Bikes, 1, Monday8, TimeSpan.FromHours(1));
        var unknown = model.Probability(3, ForecastTarget.Bikes, 1, Monday8, TimeSpan.FromHours(1));
        Assert.True(drained < unknown && unknown < refilled, $"{drained} < {unknown} < {refilled}");
        Assert.InRange(unknown, 0.5, 0.6);
    }

    [Fact]
    public void The_same_examples_always_give_the_same_forecasts_whatever_their_order()
    {
        List<StockPair> pairs = [.. Pairs(1, 2, [0, 1, 2, 0, 3]), .. Pairs(2, 0, [0, 0, 1, 0, 0])];
        var reversed = Enumerable.Reverse(pairs).ToList();

        var a = StockModel.Fit(pairs);
        var b = StockModel.Fit(reversed);

        foreach (var station in new long[] { 1, 2, 3 })
        {
            foreach (var target in StockModel.Targets)
            {
                Assert.Equal(a.Probability(station, target, 1, Monday8, TimeSpan.FromMinutes(30)), b.Probability(station, target, 1, Monday8, TimeSpan.FromMinutes(30)), 12);
            }
        }
    }

    [Fact]
    public void Consecutive_snapshots_become_pairs_of_stations_in_service_with_the_real_gap_as_horizon()
    {
        var t = Monday8;
        List<Velib.Lake.Import.Observation> rows =
        [
            new(1, "1", t, 1, 2, 3, true, true, true, null), new(2, "2", t, 1, 2, 3, true, false, true, null),
            new(1, "1", t.AddMinutes(55), 0, 2, 4, true, true, true, null), new(2, "2", t.AddMinutes(55), 1, 2, 3, true, true, true, null),
        ];

        var pair = Assert.Single(StockPairs.From(rows));

        Assert.Equal((1L, TimeSpan.FromMinutes(55), 3, 2), (pair.StationId, pair.Horizon, pair.Now.Of(ForecastTarget.Bikes), pair.Next.Of(ForecastTarget.Bikes)));
    }
}
