using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Velib.Contracts.Stations;
using Velib.Web.Map;

namespace Velib.Tests.Map;

public sealed class MapComponentTests : IAsyncLifetime
{
    private readonly BunitContext _context = new();

    public MapComponentTests()
    {
        _context.Services.AddMudServices();
        _context.Services.AddSingleton(TimeProvider.System);
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
    }

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
        var history = new[] { StationChange.Of(Station(1, 1, 30), DateTime.UtcNow.AddHours(-2), DateTime.UtcNow), StationChange.Of(Station(3, 2, 27, renting: false), DateTime.UtcNow, DateTime.UtcNow) };

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
    public void The_stale_and_simulated_banners_appear_only_when_the_status_says_so()
    {
        var fresh = new Velib.Contracts.Feed.FeedStatus("live", "u", DateTime.UtcNow, DateTime.UtcNow, 10, 1, 0, null, false, 0);

        Assert.Empty(_context.Render<StatusBanner>(p => p.Add(c => c.Status, fresh)).FindAll(".mud-alert"));
        var banners = _context.Render<StatusBanner>(p => p.Add(c => c.Status, fresh with { Mode = "simulated", Stale = true, LastError = "http: HTTP 500" }));
        Assert.Contains("SIMULATED", banners.Find("#simulated-banner").TextContent);
        Assert.Contains("HTTP 500", banners.Find("#stale-banner").TextContent);
    }

    [Fact]
    public void Freshness_shows_our_last_update_and_the_feeds_own_age_and_an_older_status_than_station_list()
    {
        var now = DateTime.UtcNow;

        var freshness = _context.Render<Freshness>(p => p.Add(c => c.UpdatedUtc, now.AddSeconds(-12))
            .Add(c => c.FeedUtc, now.AddMinutes(-5)).Add(c => c.InformationUtc, now.AddMinutes(-3)));

        Assert.Matches(@"updated 1[2-4] s ago · feed data 5 min old \(station list 2 min newer\)", freshness.Find("#freshness").TextContent.Trim());
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
