using System.Diagnostics;
using System.Net.Http.Json;
using Aspire.Hosting.Testing;
using Microsoft.Playwright;
using Velib.Contracts.Stations;
using Velib.Tests.Integration;
using Velib.Tests.Support;
using Velib.Web.Map;
using Xunit.Abstractions;

namespace Velib.Tests.Map;

/// <summary>The live map in headless Chromium, against the real AppHost on a recorded Vélib' feed.</summary>
[Browser]
[Collection(AppHostCollection.Name)]
public sealed partial class MapPageTests(AppHostFixture app, BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private string Url(string path = "/") => new Uri(app.App.GetEndpoint("web", "http"), path).ToString();

    private Task<Station[]> ApiStations() => app.StationsWithNames();

    private async Task<IPage> OpenAsync(string path = "/")
    {
        await AppHostFixture.Eventually(ApiStations, s => s.Length > 0, Patience);
        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 }, Locale = "en-US" });
        await page.GotoAsync(Url(path));
        await page.WaitForMarkersAsync();
        return page;
    }

    private static async Task<int> Value(IPage page, string id) => int.Parse((await page.GetAttributeAsync($"#{id}", "data-value"))!);

    private static Task Shot(IPage page, string name) => page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Screenshots, name + ".png") });

    [SharedDataFact]
    public async Task The_page_draws_one_marker_per_station_of_the_api()
    {
        var started = Stopwatch.StartNew();
        var page = await OpenAsync();
        var drawnAfter = started.Elapsed;
        var loadedAt = await LoadedAt(page);

        var markers = int.Parse((await page.GetAttributeAsync("#station-map", "data-markers"))!);
        Assert.Equal((await ApiStations()).Count(Nearest.HasPosition), markers);
        output.WriteLine($"page navigation to {markers} markers drawn: {loadedAt:0} ms after navigation start, by the circuit {await CircuitLoadedAt(page):0} ms ({drawnAfter.TotalMilliseconds:0} ms wall, incl. browser page creation)");
        await Shot(page, "map");
        var again = await OpenAsync();
        output.WriteLine($"second page load: markers drawn {await LoadedAt(again):0} ms after navigation start, by the circuit {await CircuitLoadedAt(again):0} ms");
    }

    [SharedDataFact]
    public async Task The_totals_on_the_page_equal_the_api()
    {
        var page = await OpenAsync();

        NetworkTotals expected = null!;
        var matched = await AppHostFixture.Eventually(async () =>
        {
            expected = NetworkTotals.Of(await ApiStations());
            return (await Value(page, "total-stations"), await Value(page, "total-bikes"), await Value(page, "total-mechanical"),
                await Value(page, "total-ebikes"), await Value(page, "total-docks"), await Value(page, "total-empty"), await Value(page, "total-full"));
        }, v => v == (expected.Stations, expected.Bikes, expected.Mechanical, expected.Ebikes, expected.FreeDocks, expected.EmptyStations, expected.FullStations), Patience);

        Assert.Equal((expected.Stations, expected.Bikes, expected.Mechanical, expected.Ebikes, expected.FreeDocks, expected.EmptyStations, expected.FullStations), matched);
    }

    [SharedDataFact]
    public async Task Search_by_number_opens_the_station_detail_with_the_right_numbers()
    {
        var page = await OpenAsync();
        var station = (await ApiStations()).Where(s => s.Installed).MaxBy(s => s.Capacity)!;

        await page.Locator(".velib-side input").First.FillAsync(station.Code);
        await page.Locator(".mud-popover-open .mud-list-item").First.ClickAsync(new() { Timeout = 15_000 });
        await page.WaitForSelectorAsync($"#station-detail[data-code='{station.Code}']", new() { Timeout = 15_000 });

        await AssertDetailShows(page, station);
        Assert.Contains($"station={station.Code}", page.Url);
        await Shot(page, "search-detail");
    }

    [SharedDataFact]
    public async Task A_link_with_the_station_number_opens_its_detail_with_the_history_chart()
    {
        var station = (await ApiStations()).First(s => s.Installed);

        var page = await OpenAsync($"/?station={station.Code}");
        await page.WaitForSelectorAsync($"#station-detail[data-code='{station.Code}']", new() { Timeout = 15_000 });

        await AssertDetailShows(page, station);
        await page.WaitForSelectorAsync("#detail-chart svg", new() { Timeout = 15_000 });
        await Shot(page, "link-detail");
    }

    [SharedDataFact]
    public async Task An_unknown_station_number_in_the_link_shows_a_friendly_message()
    {
        var page = await OpenAsync("/?station=99999999");

        await page.WaitForSelectorAsync("#unknown-station", new() { Timeout = 15_000 });
        Assert.Contains("99999999", await page.InnerTextAsync("#unknown-station"));
        Assert.Equal(0, await page.Locator("#station-detail").CountAsync());
        Assert.True(int.Parse((await page.GetAttributeAsync("#station-map", "data-markers"))!) > 0);
    }

    [SharedDataFact]
    public async Task When_the_feed_changes_the_totals_change_without_a_reload()
    {
        Assert.NotNull(app.Feed);
        var page = await OpenAsync();
        await page.EvaluateAsync("() => window.__sameDocument = true");
        var before = await Value(page, "total-bikes");

        var (expectedBikes, expectedDocks) = app.AdvanceFeed();
        var changedAfter = Stopwatch.StartNew();
        await page.WaitForFunctionAsync(
            $"() => document.querySelector('#total-bikes').dataset.value == '{expectedBikes}' && document.querySelector('#total-docks').dataset.value == '{expectedDocks}'",
            null, new() { Timeout = 20_000 });

        output.WriteLine($"totals went from {before} to {expectedBikes} bikes {changedAfter.ElapsedMilliseconds} ms after the feed changed (poll interval 5 s)");
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"));
        Assert.True(int.Parse((await page.GetAttributeAsync("#station-map", "data-updates"))!) >= 1);
        await Shot(page, "after-update");
    }

    [SharedDataFact]
    public async Task Sharing_the_location_lists_the_five_nearest_stations_that_match_the_filter()
    {
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Geolocation = new Geolocation { Latitude = 48.8566f, Longitude = 2.3522f },
            Permissions = ["geolocation"],
            ViewportSize = new ViewportSize { Width = 390, Height = 844 }, // a phone
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(Url());
        await page.WaitForMarkersAsync();

        await page.GetByText("Needs an e-bike").ClickAsync();
        await page.ClickAsync("#locate");
        await page.WaitForSelectorAsync("#nearest-list .mud-list-item", new() { Timeout = 15_000 });

        string[] expected = [], shown = [];
        await AppHostFixture.Eventually(async () =>
        {
            expected = [.. Nearest.Find(await ApiStations(), 48.8566, 2.3522, new StationFilter(StationNeed.Ebike, 1)).Select(n => n.Station.Name)];
            shown = [.. await page.Locator("#nearest-list .mud-list-item").AllInnerTextsAsync()];
            return 0;
        }, _ => shown.Length == expected.Length && shown.Zip(expected).All(p => p.First.StartsWith(p.Second, StringComparison.Ordinal)), TimeSpan.FromSeconds(15));

        Assert.Equal(5, shown.Length);
        Assert.All(shown.Zip(expected), p => Assert.StartsWith(p.Second, p.First));
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Screenshots, "phone-nearest.png"), FullPage = true });
    }

    [SharedDataFact]
    public async Task A_link_to_a_past_time_shows_the_replay_banner_and_the_totals_of_then_and_back_to_live_shows_live()
    {
        await app.ServedSnapshotAsync();
        var then = NetworkTotals.Of(await ApiStations());
        // The API shows it, so the poll that brought it is past: this instant is "then".
        var thenUtc = DateTime.UtcNow;
        var (bikes, _) = app.AdvanceFeed();
        await AppHostFixture.Until(ApiStations, s => s.Sum(x => x.Mechanical + x.Ebike) == bikes, Patience, "the API never showed the next snapshot");
        var live = NetworkTotals.Of(await ApiStations());

        var page = await OpenAsync($"/?at={thenUtc:yyyy-MM-ddTHH:mm:ss.fffZ}");
        await page.WaitForSelectorAsync("#replay-banner", new() { Timeout = 30_000 });
        await page.WaitForFunctionAsync($"() => document.querySelector('#total-bikes')?.dataset.value === '{then.Bikes}'", null, new() { Timeout = 30_000 });

        Assert.Contains("REPLAY", await page.InnerTextAsync("#replay-banner"));
        Assert.Equal((then.Stations, then.Bikes, then.FreeDocks), (await Value(page, "total-stations"), await Value(page, "total-bikes"), await Value(page, "total-docks")));
        await Shot(page, "replay");

        await page.GetByRole(AriaRole.Button, new() { Name = "Back to live" }).ClickAsync();
        await page.WaitForSelectorAsync("#replay-banner", new() { State = WaitForSelectorState.Detached, Timeout = 15_000 });
        await page.WaitForFunctionAsync($"() => document.querySelector('#total-bikes')?.dataset.value === '{live.Bikes}'", null, new() { Timeout = 15_000 });
        Assert.DoesNotContain("at=", page.Url);
    }

    private static async Task AssertDetailShows(IPage page, Station station)
    {
        Assert.Equal(station.Mechanical, await Value(page, "detail-mechanical"));
        Assert.Equal(station.Ebike, await Value(page, "detail-ebike"));
        Assert.Equal(station.Docks, await Value(page, "detail-docks"));
        Assert.Equal(station.Code, await page.InnerTextAsync("#detail-code"));
        Assert.Equal(station.Name, await page.InnerTextAsync("#detail-name"));
    }
}
