using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Velib.Contracts.Stations;
using Velib.Tests.Support;
using Velib.Web.Map;

namespace Velib.Tests.Map;

/// <summary>What the server renders of the rider's page as components: the station panel (a fragment) and the totals' frame.</summary>
[Unit]
public sealed class MapComponentTests : IAsyncLifetime
{
    private readonly BunitContext _context = VelibBunit.Context();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 29, 9, 30, 0, TimeSpan.Zero));

    public MapComponentTests()
    {
        // These tests read the English strings; LocalizationTests covers French.
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("en-US");
        _context.Services.AddSingleton<TimeProvider>(_time);
        // The detail panel carries the forecast line; ForecastPanelTests covers what it says.
        _context.Services.AddSingleton<Velib.Web.Forecast.IForecasts>(new AnsweredForecasts());
    }

    private DateTime Now => _time.GetUtcNow().UtcDateTime;

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor registers services that can only be disposed asynchronously.
    public async Task DisposeAsync() => await _context.DisposeAsync();

    private static Station Station(int mechanical, int ebike, int docks, bool installed = true, bool renting = true) =>
        new(42, "16107", "Benjamin Godard - Victor Hugo", 48.866, 2.276, 35, mechanical, ebike, docks, installed, renting, true,
            new DateTime(2026, 11, 29, 8, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 29, 9, 0, 0, DateTimeKind.Utc));

    [Fact]
    public void The_station_detail_writes_out_the_numbers_and_the_flags()
    {
        var history = new[] { StationChange.Of(Station(1, 1, 30), Now.AddHours(-2), Now), StationChange.Of(Station(3, 2, 27, renting: false), Now, Now) };

        var detail = _context.Render<StationDetailPanel>(p => p.Add(c => c.Station, Station(3, 2, 27, renting: false)).Add(c => c.History, history));

        Assert.Equal("3", detail.Find("#detail-mechanical").TextContent);
        Assert.Equal("2", detail.Find("#detail-ebike").TextContent);
        Assert.Equal("27", detail.Find("#detail-docks").TextContent);
        Assert.Equal("35", detail.Find("#detail-capacity").TextContent);
        Assert.Contains("not renting", detail.Markup);
        Assert.Contains("Out of service", detail.Markup);
        Assert.Contains("Last 24 h (2 changes)", detail.Markup);
        Assert.NotEmpty(detail.FindAll("#detail-chart"));
    }

    [Fact]
    public void In_french_the_station_detail_and_the_totals_speak_french()
    {
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("fr-FR");
        var history = new[] { StationChange.Of(Station(1, 1, 30), Now.AddHours(-2), Now), StationChange.Of(Station(3, 2, 27, renting: false), Now, Now) };

        var detail = _context.Render<StationDetailPanel>(p => p.Add(c => c.Station, Station(3, 2, 27, renting: false)).Add(c => c.History, history));
        var totals = _context.Render<TotalsBar>();

        Assert.Contains("location fermée", detail.Markup);
        Assert.Contains("Hors service", detail.Markup);
        Assert.Contains("Dernières 24 h (2 changements)", detail.Markup);
        Assert.Single(detail.FindAll("[aria-label='Fermer la fiche de la station']"));
        Assert.Single(detail.FindAll("[aria-label='Ajouter à Mes stations']"));
        // The totals are written by the page's script; the server writes their French labels and a dash until then.
        Assert.Equal("–", totals.Find("#total-bikes").TextContent);
        Assert.Contains("vélos", totals.Markup);
    }
}
