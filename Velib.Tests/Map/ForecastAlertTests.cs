using Velib.Contracts.Forecast;
using Velib.Contracts.Stations;
using Velib.Tests.Support;
using Velib.Web.Favourites;

namespace Velib.Tests.Map;

/// <summary>"Likely empty within 30 min": fires once when the odds fall below 20 %, again only after a recovery, and never on missing odds.</summary>
[Unit]
public sealed class ForecastAlertTests
{
    private static readonly DateTime Now = new(2026, 11, 30, 8, 0, 0, DateTimeKind.Utc);

    private static readonly Station Godard = new(1, "16107", "Benjamin Godard - Victor Hugo", 48.866, 2.276, 35, 3, 1, 20, true, true, true, null, null);

    private static StationForecast Odds(double bikes, double docks = 0.95) => new(1, bikes, bikes, bikes / 2, docks);

    private static readonly StationForecast NoHistory = new(1, null, null, null, null, ForecastReasons.NoHistory);

    private static List<FiredAlert> Observe(AlertTracker tracker, Favourite favourite, StationForecast? forecast) =>
        tracker.Observe([favourite], code => code == Godard.Code ? Godard : null, Now, forecast is null ? null : new Dictionary<long, StationForecast> { [1] = forecast });

    [Fact]
    public void Odds_of_a_bike_falling_below_20_percent_fire_once_and_again_only_after_a_recovery()
    {
        var tracker = new AlertTracker();
        var watch = new Favourite("16107", AlertSoonEmpty: true);

        Assert.Empty(Observe(tracker, watch, Odds(0.6)));
        var fired = Observe(tracker, watch, Odds(0.12));
        Assert.Empty(Observe(tracker, watch, Odds(0.05)));
        Assert.Empty(Observe(tracker, watch, Odds(0.199)));
        Assert.Empty(Observe(tracker, watch, Odds(0.2)));
        var again = Observe(tracker, watch, Odds(0.1996));

        Assert.Equal([(AlertKind.SoonEmpty, 12, 20)], fired.Select(a => (a.Kind, a.Value, a.Threshold)));
        // 19.96 % is below the threshold: shown as 19 %, never as a "20 %" that would read as not below.
        Assert.Equal([(AlertKind.SoonEmpty, 19, 20)], again.Select(a => (a.Kind, a.Value, a.Threshold)));
    }

    [Fact]
    public void A_missing_forecast_never_fires_and_does_not_end_an_episode()
    {
        var tracker = new AlertTracker();
        var watch = new Favourite("16107", AlertSoonEmpty: true);

        // No history, then the forecast unreadable: no baseline yet, so the first odds below are a baseline too.
        Assert.Empty(Observe(tracker, watch, NoHistory));
        Assert.Empty(Observe(tracker, watch, null));
        Assert.Empty(Observe(tracker, watch, Odds(0.1)));
        // Still the same episode across a gap in the forecast.
        Assert.Empty(Observe(tracker, watch, NoHistory));
        Assert.Empty(Observe(tracker, watch, Odds(0.08)));
        Assert.Empty(Observe(tracker, watch, Odds(0.7)));
        Assert.Single(Observe(tracker, watch, Odds(0.15)));
    }

    [Fact]
    public void Likely_full_watches_the_odds_of_a_free_dock_and_likely_empty_those_of_a_bike()
    {
        var tracker = new AlertTracker();
        var docks = new Favourite("16107", AlertSoonFull: true);

        Observe(tracker, docks, Odds(0.9, docks: 0.9));
        Assert.Empty(Observe(tracker, docks, Odds(0.05, docks: 0.9)));
        var fired = Observe(tracker, docks, Odds(0.05, docks: 0.1));

        Assert.Equal([(AlertKind.SoonFull, 10)], fired.Select(a => (a.Kind, a.Value)));
    }

    [Fact]
    public void The_count_alerts_still_work_when_no_forecast_was_read()
    {
        var tracker = new AlertTracker();
        var watch = new Favourite("16107", AlertMechanical: true, AlertSoonEmpty: true, Threshold: 5);

        Assert.Empty(tracker.Observe([watch], _ => Godard with { Mechanical = 9 }, Now));
        var fired = tracker.Observe([watch], _ => Godard, Now);

        Assert.Equal([AlertKind.Mechanical], fired.Select(a => a.Kind));
    }

    [Fact]
    public async Task The_odds_are_read_once_per_network_update_for_all_favourites_and_not_at_all_without_a_forecast_alert()
    {
        var api = new AnsweredForecasts { Network = [Odds(0.5), new StationForecast(2, 0.9, 0.9, 0.4, 0.8)] };
        var odds = new AlertForecasts(api);
        List<Favourite> countsOnly = [new("16107", AlertMechanical: true), new("1001", AlertDocks: true)];
        List<Favourite> both = [new("16107", AlertSoonEmpty: true), new("1001", AlertSoonFull: true), new("2002", AlertSoonEmpty: true)];

        await odds.RefreshAsync(countsOnly, newNetwork: true);
        Assert.Empty(api.NetworkReads);
        await odds.RefreshAsync(both, newNetwork: false); // a forecast alert just turned on: read once
        await odds.RefreshAsync(both, newNetwork: false); // another setting changed: no new read
        await odds.RefreshAsync(both, newNetwork: true);

        Assert.Equal([ForecastAlert.Horizon, ForecastAlert.Horizon], api.NetworkReads);
        Assert.Equal(TimeSpan.FromMinutes(30), ForecastAlert.Horizon);
        Assert.Equal([1L, 2], odds.Odds!.Keys.Order());
    }

    [Fact]
    public async Task An_unreadable_forecast_leaves_no_odds_rather_than_the_last_ones()
    {
        var api = new AnsweredForecasts { Network = [Odds(0.5)] };
        var odds = new AlertForecasts(api);
        List<Favourite> watch = [new("16107", AlertSoonEmpty: true)];
        await odds.RefreshAsync(watch, newNetwork: true);

        api.Failing = true;
        await odds.RefreshAsync(watch, newNetwork: true);

        Assert.True(odds.Failed);
        Assert.Null(odds.Odds);
    }
}
