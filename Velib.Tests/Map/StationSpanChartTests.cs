using Bunit;
using Velib.Contracts.Stations;
using Velib.Tests.Forecast;
using Velib.Tests.Support;
using Velib.Web.Replay;

namespace Velib.Tests.Map;

/// <summary>A station's archived chart offers day, week and month; the typical day comes only with several days.</summary>
[Unit]
public sealed class StationSpanChartTests : IAsyncLifetime
{
    // Midnight in Paris (UTC+1 in November), so that 48 hourly samples are 2 Paris days.
    private static readonly DateTime Monday = new(2026, 11, 22, 23, 0, 0, DateTimeKind.Utc);

    private readonly BunitContext _context = VelibBunit.Context();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();

    private static List<StationChange> Hourly(int hours) =>
        [.. Enumerable.Range(0, hours).Select(h => new StationChange(1, "1001", Monday.AddHours(h), Monday.AddHours(h), h % 9, 1, 10, true, true, true, null))];

    private IRenderedComponent<StationSpanChart> Render(HistorySpan span, List<StationChange>? samples) =>
        _context.Render<StationSpanChart>(p => p.Add(c => c.Span, span).Add(c => c.Changes, samples));

    [Fact]
    public void The_rider_is_offered_day_week_and_month_as_buttons_and_the_shown_one_is_pressed()
    {
        using var english = new CultureScope("en");

        var chart = Render(HistorySpan.Week, Hourly(48));

        var buttons = chart.FindAll("button[data-span]");
        Assert.Equal(["Day", "Week", "Month"], buttons.Select(c => c.TextContent.Trim()));
        Assert.Equal(["day", "week", "month"], buttons.Select(c => c.GetAttribute("data-span")));
        Assert.Equal(["false", "true", "false"], buttons.Select(c => c.GetAttribute("aria-pressed")));
        Assert.Equal("week", chart.Find("#station-week").GetAttribute("data-span"));
        Assert.Equal("Last 7 days (bikes, hourly)", chart.Find("#span-title").TextContent);
        Assert.Equal("48", chart.Find("#station-week").GetAttribute("data-samples"));
        Assert.Contains("Typical day (mean bikes by hour, 2 days)", chart.Find("#typical-day").TextContent);
    }

    [Fact]
    public void In_french_a_month_is_titled_so_and_a_day_has_no_typical_day()
    {
        using var french = new CultureScope("fr");

        var month = Render(HistorySpan.Month, Hourly(24 * 30));
        var day = Render(HistorySpan.Day, Hourly(24));

        Assert.Equal("30 derniers jours (vélos, par heure)", month.Find("#span-title").TextContent);
        Assert.Equal(["Jour", "Semaine", "Mois"], month.FindAll("button[data-span]").Select(c => c.TextContent.Trim()));
        Assert.Contains("30 jours", month.Find("#typical-day").TextContent);
        Assert.Equal("Dernières 24 h de l'archive (vélos, toutes les 10 min)", day.Find("#span-title").TextContent);
        Assert.Empty(day.FindAll("#typical-day"));
    }

    [Fact]
    public void While_the_samples_load_the_chart_says_so_and_with_too_few_it_says_there_is_not_enough()
    {
        using var english = new CultureScope("en");

        Assert.Contains("Reading the archive", Render(HistorySpan.Month, null).Markup);
        Assert.Contains("Not enough archived history yet.", Render(HistorySpan.Month, Hourly(1)).Markup);
    }
}
