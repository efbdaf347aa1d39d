using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Velib.Contracts.Forecast;
using Velib.Tests.Support;
using Velib.Web;
using Velib.Web.Forecast;

namespace Velib.Tests.Forecast;

/// <summary>
/// The station panel's forecast fragment (StationForecastLine, rendered on the server): one sentence for each of 15,
/// 30 and 60 minutes, in French and English, and no number when there is no history.
/// </summary>
[Unit]
public sealed class ForecastPanelTests : IAsyncLifetime
{
    private readonly BunitContext _context = VelibBunit.Context();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();

    private IStringLocalizer<Text> T => _context.Services.GetRequiredService<IStringLocalizer<Text>>();

    private static readonly StationForecast Known = new(42, 0.92, 0.5, 0.71, 0.98);

    private IRenderedComponent<StationForecastLine> Render(Func<int, StationForecast> forecast) =>
        _context.Render<StationForecastLine>(p => p.Add(c => c.Lines,
            [.. StationForecastLine.Minutes.Select(m => (m, ForecastSentence.Of(T, forecast(m), m)))]));

    [Fact]
    public void In_english_the_panel_says_the_odds_in_15_30_and_60_minutes_one_line_each()
    {
        using var english = new CultureScope("en");

        var line = Render(m => m == 30 ? Known with { Bikes = 0.85, Ebike = 0.60, Docks = 0.9999 } : Known);

        var lines = line.FindAll(".velib-forecast-line");
        Assert.Equal(["15", "30", "60"], lines.Select(l => l.GetAttribute("data-minutes")));
        Assert.Equal("In 15 min: 92 % chance of a bike, 71 % of an e-bike, 98 % of a free dock", lines[0].TextContent);
        // Never "100 %": 0.9999 is shown as 99 %.
        Assert.Equal("In 30 min: 85 % chance of a bike, 60 % of an e-bike, 99 % of a free dock", lines[1].TextContent);
        Assert.StartsWith("In 60 min:", lines[2].TextContent);
    }

    [Fact]
    public void In_french_the_panel_says_dans_15_min_and_the_chances_of_each()
    {
        using var french = new CultureScope("fr");

        var line = Render(_ => Known);

        Assert.Equal("Dans 15 min : 92 % de chances d'avoir un vélo, 71 % un vélo électrique, 98 % une place libre",
            line.FindAll(".velib-forecast-line")[0].TextContent);
    }

    [Fact]
    public void A_station_without_history_is_said_to_have_none_with_no_number()
    {
        using var english = new CultureScope("en");

        var line = Render(_ => new StationForecast(7, null, null, null, null, ForecastReasons.NoHistory));

        var first = line.FindAll(".velib-forecast-line")[0].TextContent;
        Assert.Equal("In 15 min: no forecast for this station, there is not enough history of it yet.", first);
        Assert.DoesNotContain("%", line.Find("#detail-forecast").TextContent);
    }
}
