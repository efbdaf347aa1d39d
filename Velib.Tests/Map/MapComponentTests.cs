using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Velib.Contracts.Stations;
using Velib.Tests.Support;
using Velib.Web.Components.Layout;
using Velib.Web.Map;

namespace Velib.Tests.Map;

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
    public void The_totals_bar_shows_every_total_as_a_number()
    {
        var totals = NetworkTotals.Of([Station(2, 1, 0), Station(0, 0, 20), Station(5, 4, 3, installed: false)]);

        var bar = _context.Render<TotalsBar>(p => p.Add(c => c.Totals, totals));

        Assert.Equal("3", bar.Find("#total-stations").GetAttribute("data-value"));
        Assert.Equal("12", bar.Find("#total-bikes").GetAttribute("data-value"));
        Assert.Equal("7", bar.Find("#total-mechanical").GetAttribute("data-value"));
        Assert.Equal("5", bar.Find("#total-ebikes").GetAttribute("data-value"));
        Assert.Equal("23", bar.Find("#total-docks").GetAttribute("data-value"));
        Assert.Equal("1", bar.Find("#total-empty").GetAttribute("data-value"));
        Assert.Equal("1", bar.Find("#total-full").GetAttribute("data-value"));
    }

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
    public void In_french_the_station_detail_and_the_totals_speak_french_with_french_numbers()
    {
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("fr-FR");
        var history = new[] { StationChange.Of(Station(1, 1, 30), Now.AddHours(-2), Now), StationChange.Of(Station(3, 2, 27, renting: false), Now, Now) };

        var detail = _context.Render<StationDetailPanel>(p => p.Add(c => c.Station, Station(3, 2, 27, renting: false)).Add(c => c.History, history));
        var totals = _context.Render<TotalsBar>(p => p.Add(c => c.Totals, new NetworkTotals(1495, 19620, 12000, 7620, 27000, 50, 30)));

        Assert.Contains("location fermée", detail.Markup);
        Assert.Contains("Hors service", detail.Markup);
        Assert.Contains("Dernières 24 h (2 changements)", detail.Markup);
        Assert.Single(detail.FindAll("[aria-label='Fermer la fiche de la station']"));
        Assert.Single(detail.FindAll("[aria-label='Ajouter à Mes stations']"));
        Assert.Equal("19\u202F620", totals.Find("#total-bikes").TextContent);
        Assert.Contains("vélos", totals.Markup);
    }

    [Fact]
    public void The_stale_and_simulated_banners_appear_only_when_the_status_says_so()
    {
        var fresh = new Velib.Contracts.Feed.FeedStatus("live", "u", Now, Now, 10, 1, 0, null, false, 0);

        Assert.Empty(_context.Render<StatusBanner>(p => p.Add(c => c.Status, fresh)).FindAll(".mud-alert"));
        var banners = _context.Render<StatusBanner>(p => p.Add(c => c.Status, fresh with { Mode = "simulated", Stale = true, LastError = "http: HTTP 500" }));
        Assert.Contains("SIMULATED", banners.Find("#simulated-banner").TextContent);
        Assert.Contains("HTTP 500", banners.Find("#stale-banner").TextContent);
    }

    private IRenderedComponent<Freshness> RenderFreshness(DateTime? updated, DateTime? feed = null, DateTime? information = null) =>
        _context.Render<Freshness>(p => p.Add(c => c.UpdatedUtc, updated).Add(c => c.FeedUtc, feed).Add(c => c.InformationUtc, information));

    private static string Text(IRenderedComponent<Freshness> freshness) => freshness.Find("#freshness").TextContent;

    [Fact]
    public void Freshness_shows_our_last_update_and_the_feeds_own_age_and_an_older_status_than_station_list()
    {
        var freshness = RenderFreshness(Now.AddSeconds(-12), Now.AddMinutes(-5), Now.AddMinutes(-3));

        Assert.Equal("updated 12 s ago · feed data 5 min old (station list 2 min newer)", Text(freshness));
    }

    [Fact]
    public void Freshness_says_it_waits_before_the_first_status_and_counts_in_hours_and_days()
    {
        Assert.Equal("waiting for the first update…", Text(RenderFreshness(null)));
        Assert.Equal("updated 0 s ago", Text(RenderFreshness(Now.AddSeconds(2))));
        Assert.Equal("updated 89 s ago · feed data 3 h old", Text(RenderFreshness(Now.AddSeconds(-89), Now.AddMinutes(-200), Now.AddHours(-4))));
        Assert.Equal("updated 89 min ago · feed data 2 days old", Text(RenderFreshness(Now.AddMinutes(-89), Now.AddHours(-48))));
    }

    [Fact]
    public void Freshness_hands_its_timestamps_to_the_browser_which_keeps_the_age_current()
    {
        var module = _context.JSInterop.SetupModule("./Map/Freshness.razor.js");
        module.SetupVoid("watch", _ => true).SetVoidResult();

        var freshness = RenderFreshness(Now.AddSeconds(-12), Now.AddMinutes(-5));

        var line = freshness.Find("#freshness");
        Assert.Equal("2026-11-29T09:30:00.000Z", line.GetAttribute("data-now"));
        Assert.Equal("2026-11-29T09:29:48.000Z", line.GetAttribute("data-updated"));
        Assert.Equal("2026-11-29T09:25:00.000Z", line.GetAttribute("data-feed"));
        Assert.False(line.HasAttribute("data-information"));
        module.VerifyInvoke("watch");
    }

    [Fact]
    public void Freshness_is_written_once_per_status_not_on_every_server_tick()
    {
        var updated = Now.AddSeconds(-12);
        var freshness = RenderFreshness(updated);

        _time.Advance(TimeSpan.FromSeconds(30));
        freshness.Render(p => p.Add(c => c.UpdatedUtc, updated));
        Assert.Equal("updated 12 s ago", Text(freshness)); // the browser, not the server, moves it on

        freshness.Render(p => p.Add(c => c.UpdatedUtc, Now.AddSeconds(-3)));
        Assert.Equal("updated 3 s ago", Text(freshness));
        Assert.Equal("2026-11-29T09:30:30.000Z", freshness.Find("#freshness").GetAttribute("data-now"));
    }

    // A page that fails when told to, as a failed push or grain call makes the map page fail.
    private sealed class FailingPage : ComponentBase
    {
        [Parameter] public bool Fails { get; set; }

        protected override void OnParametersSet()
        {
            if (Fails) throw new InvalidOperationException("the cluster said no");
        }

        protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddContent(0, "page content");
    }

    [Fact]
    public void A_failing_page_shows_a_friendly_message_and_recovers_on_request()
    {
        var fails = true;
        RenderFragment body = b =>
        {
            b.OpenComponent<FailingPage>(0);
            b.AddComponentParameter(1, nameof(FailingPage.Fails), fails);
            b.CloseComponent();
        };

        var layout = _context.Render<MainLayout>(p => p.Add(c => c.Body, body));

        Assert.Contains("Something went wrong while updating the map; reload the page.", layout.Find("#page-error").TextContent);
        Assert.DoesNotContain("page content", layout.Markup);
        fails = false;
        layout.Find("#page-error-recover").Click();
        Assert.Empty(layout.FindAll("#page-error"));
        Assert.Contains("page content", layout.Markup);
    }

    [Theory]
    [InlineData(StationNeed.Any, 1, true)]
    [InlineData(StationNeed.MechanicalBike, 2, true)]
    [InlineData(StationNeed.MechanicalBike, 3, false)]
    [InlineData(StationNeed.Ebike, 1, false)]
    [InlineData(StationNeed.FreeDock, 5, true)]
    [InlineData(StationNeed.FreeDock, 6, false)]
    public void A_filter_keeps_only_the_stations_that_have_what_the_rider_needs(StationNeed need, int minimum, bool matches)
    {
        Assert.Equal(matches, new StationFilter(need, minimum).Matches(Station(2, 0, 5)));
    }

    [Fact]
    public void An_out_of_service_station_never_matches_a_bike_filter()
    {
        Assert.False(new StationFilter(StationNeed.MechanicalBike, 1).Matches(Station(9, 9, 9, renting: false)));
    }

    [Fact]
    public void Search_ignores_case_and_accents_and_ranks_the_exact_number_first()
    {
        var stations = new[] { Station(1, 1, 1) with { Id = 1, Code = "1610", Name = "Gare de l'Est" }, Station(1, 1, 1) with { Id = 2, Code = "16107", Name = "Hôpital Mondor" } };

        Assert.Equal([2L], StationSearch.Find(stations, "HOPITAL").Select(s => s.Id));
        Assert.Equal([1L, 2L], StationSearch.Find(stations, "1610").Select(s => s.Id));
        Assert.Empty(StationSearch.Find(stations, "  "));
    }

    [Fact]
    public void The_nearest_stations_are_sorted_by_distance_and_filtered()
    {
        var near = Station(0, 0, 9) with { Id = 1, Lat = 48.8570, Lon = 2.3520 };
        var far = Station(5, 0, 9) with { Id = 2, Lat = 48.8800, Lon = 2.3520 };
        var nearer = Station(5, 0, 9) with { Id = 3, Lat = 48.8567, Lon = 2.3522 };

        var found = Nearest.Find([near, far, nearer], 48.8566, 2.3522, new StationFilter(StationNeed.MechanicalBike, 1));

        Assert.Equal([3L, 2L], found.Select(f => f.Station.Id));
        Assert.InRange(found[1].Meters, 2500, 2700);
    }
}
