using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Velib.Contracts.Forecast;
using Velib.Contracts.Stations;
using Velib.Tests.Support;
using Velib.Web.Forecast;

namespace Velib.Tests.Forecast;

/// <summary>The station panel's forecast sentence, in French and English, for 15, 30 and 60 minutes, and when there is no history.</summary>
[Unit]
public sealed class ForecastPanelTests : IAsyncLifetime
{
    private readonly BunitContext _context = VelibBunit.Context();
    private readonly AnsweredForecasts _forecasts = new();

    public ForecastPanelTests()
    {
        _context.Services.AddSingleton<IForecasts>(_forecasts);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();

    private static Station Station(long id) => new(id, "16107", "Benjamin Godard", 48.866, 2.276, 35, 3, 2, 27, true, true, true, null, null);

    [Fact]
    public void In_english_the_panel_says_the_odds_in_15_minutes_and_switches_to_30_and_60()
    {
        using var english = new CultureScope("en");
        var line = _context.Render<StationForecastLine>(p => p.Add(c => c.Station, Station(42)));

        line.WaitForAssertion(() => Assert.Equal("In 15 min: 92 % chance of a bike, 71 % of an e-bike, 98 % of a free dock", line.Find("#detail-forecast-text").TextContent));
        line.FindAll(".mud-chip").Single(c => c.TextContent.Contains("30 min")).Click();
        // Never "100 %": 0.9999 is shown as 99 %.
        line.WaitForAssertion(() => Assert.Equal("In 30 min: 85 % chance of a bike, 60 % of an e-bike, 99 % of a free dock", line.Find("#detail-forecast-text").TextContent));
        line.FindAll(".mud-chip").Single(c => c.TextContent.Contains("60 min")).Click();
        line.WaitForAssertion(() => Assert.Equal("In 60 min: 80 % chance of a bike, 50 % of an e-bike, 96 % of a free dock", line.Find("#detail-forecast-text").TextContent));
        Assert.Equal([15.0, 30, 60], _forecasts.Asked.Select(a => a.Horizon.TotalMinutes));
    }

    [Fact]
    public void In_french_the_panel_says_dans_15_min_and_the_chances_of_each()
    {
        using var french = new CultureScope("fr");
        var line = _context.Render<StationForecastLine>(p => p.Add(c => c.Station, Station(42)));

        line.WaitForAssertion(() => Assert.Equal("Dans 15 min : 92 % de chances d'avoir un vélo, 71 % un vélo électrique, 98 % une place libre",
            line.Find("#detail-forecast-text").TextContent));
    }

    [Fact]
    public void A_station_without_history_is_said_to_have_none_with_no_number()
    {
        using var english = new CultureScope("en");
        var line = _context.Render<StationForecastLine>(p => p.Add(c => c.Station, Station(7)));

        line.WaitForAssertion(() => Assert.Equal("In 15 min: no forecast for this station, there is not enough history of it yet.", line.Find("#detail-forecast-text").TextContent));
        Assert.DoesNotContain("%", line.Find("#detail-forecast-text").TextContent);
    }

    [Fact]
    public void A_replayed_time_is_passed_on_so_the_forecast_is_made_as_it_was_then()
    {
        using var english = new CultureScope("en");
        var at = new DateTime(2026, 4, 12, 6, 30, 0, DateTimeKind.Utc);

        var line = _context.Render<StationForecastLine>(p => p.Add(c => c.Station, Station(42)).Add(c => c.AtUtc, at));

        line.WaitForAssertion(() => Assert.Contains(_forecasts.Asked, a => a.At == at));
    }
}
