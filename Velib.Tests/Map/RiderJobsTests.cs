using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Velib.Tests.Integration;
using Velib.Tests.Support;
using Xunit.Abstractions;
using static Velib.Tests.Support.RiderPages;

namespace Velib.Tests.Map;

/// <summary>
/// Every rider job of the page on a phone (390 × 844, touch) throttled like a mid-range phone on a slow mobile network,
/// in French and in English, against the real AppHost: the numbers the page shows are the API's.
/// </summary>
[Collection(AppHostCollection.Name)]
[Browser]
public sealed class RiderJobsTests(AppHostFixture app, BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(30);

    private readonly List<IBrowserContext> _contexts = [];

    public Task InitializeAsync() => Task.CompletedTask;

    // A test that fails leaves its phone open: closed here.
    public async Task DisposeAsync()
    {
        foreach (var context in _contexts) await context.CloseAsync();
    }

    private async Task<IPage> PhonePageAsync(string locale, string path = "/", Action<BrowserNewContextOptions>? configure = null)
    {
        await app.WireStations();
        var context = await browser.PhoneAsync(locale, configure);
        _contexts.Add(context);
        var page = await context.ThrottledPageAsync();
        var started = DateTime.UtcNow;
        await page.OpenAsync(app, path);
        output.WriteLine($"{locale}: every job working {(DateTime.UtcNow - started).TotalSeconds:0.0} s after navigation (throttled phone)");
        return page;
    }

    /// <summary>The biggest station in service that is on the map: the one most tests open.</summary>
    private async Task<JsonElement> BigStation() =>
        (await app.WireStations()).Where(s => s.Flag("installed") && s.Flag("renting") && s.HasPosition()).MaxBy(s => s.Int("capacity"));

    /// <summary>The panel of station <paramref name="id"/> shows the API's numbers (retried: the feed may move meanwhile).</summary>
    private async Task AssertPanelShowsTheApi(IPage page, long id)
    {
        (int, int, int, int) api = default, shown = default;
        await AppHostFixture.Until(async () =>
        {
            var s = (await app.WireStations()).Single(x => x.Id() == id);
            api = (s.Int("mechanical"), s.Int("ebike"), s.Int("docks"), s.Int("capacity"));
            shown = (await page.Value("detail-mechanical"), await page.Value("detail-ebike"), await page.Value("detail-docks"),
                int.Parse(await page.InnerTextAsync("#detail-capacity"), System.Globalization.CultureInfo.InvariantCulture));
            return 0;
        }, _ => api == shown, Settle, $"the panel of station {id} never showed the API's numbers");
        Assert.Equal(api, shown);
    }

    private static Task DetailOf(IPage page, string code) => page.Seen($"#station-detail[data-code='{code}']", $"the panel of station {code} never opened");

    [Theory]
    [MemberData(nameof(Locales), MemberType = typeof(RiderPages))]
    public async Task A_rider_taps_a_station_on_the_map_and_its_panel_shows_the_numbers_of_the_api(string locale)
    {
        var station = await BigStation();
        var page = await PhonePageAsync(locale);

        await page.TapMarkerAsync(station.Id());
        await DetailOf(page, station.Code());

        await AssertPanelShowsTheApi(page, station.Id());
        Assert.Contains($"station={station.Code()}", page.Url);
        await Assertions.Expect(page.Locator("#station-detail")).ToContainTextAsync(Say(locale, "mécaniques", "mechanical"));
        await page.AssertLanguageAsync(locale);
        await page.Shot($"phone-tap-{locale}");
    }

    [Theory]
    [MemberData(nameof(Locales), MemberType = typeof(RiderPages))]
    public async Task A_rider_searches_a_station_by_its_number_and_sees_its_numbers(string locale)
    {
        var station = await BigStation();
        var page = await PhonePageAsync(locale);

        await page.FillAsync("#station-search", station.Code());
        await page.Seen($"#search-results button[data-id='{station.Id()}']", $"the search for {station.Code()} never listed it");
        Assert.Equal(station.Id().ToString(System.Globalization.CultureInfo.InvariantCulture),
            await page.GetAttributeAsync("#search-results button[data-id]", "data-id")); // the exact number first
        await page.ClickAsync($"#search-results button[data-id='{station.Id()}']");
        await DetailOf(page, station.Code());

        await AssertPanelShowsTheApi(page, station.Id());
        await page.AssertLanguageAsync(locale);
    }

    [Theory]
    [MemberData(nameof(Locales), MemberType = typeof(RiderPages))]
    public async Task A_rider_searches_a_station_by_its_name_in_lower_case_and_sees_its_numbers(string locale)
    {
        var names = (await app.Web.GetFromJsonAsync<JsonElement[]>("/api/stations/information"))!
            .ToDictionary(i => i.GetProperty("id").GetInt64(), i => i.GetProperty("name").GetString()!);
        var unique = names.Values.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() == 1).Select(g => g.Key).ToHashSet();
        var station = (await app.WireStations()).Where(s => s.Flag("installed") && s.HasPosition() && names.TryGetValue(s.Id(), out var n) && unique.Contains(n) && n.Length >= 10)
            .MaxBy(s => s.Int("capacity"));
        var name = names[station.Id()];
        var page = await PhonePageAsync(locale);

        await page.FillAsync("#station-search", name.ToLowerInvariant());
        await page.Seen($"#search-results button[data-id='{station.Id()}']", $"the search for “{name}” never listed station {station.Code()}");
        await Assertions.Expect(page.Locator($"#search-results button[data-id='{station.Id()}']")).ToContainTextAsync(name);
        await page.ClickAsync($"#search-results button[data-id='{station.Id()}']");
        await DetailOf(page, station.Code());

        await AssertPanelShowsTheApi(page, station.Id());
        Assert.Equal(name, await page.InnerTextAsync("#detail-name"));
        await page.AssertLanguageAsync(locale);
    }

    [Theory]
    [MemberData(nameof(Locales), MemberType = typeof(RiderPages))]
    public async Task A_rider_filters_on_e_bikes_with_a_minimum_and_the_count_and_the_bright_markers_are_those_of_the_api(string locale)
    {
        const int minimum = 3;
        var page = await PhonePageAsync(locale);

        await page.FillAsync("#filter-min", minimum.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.DispatchEventAsync("#filter-min", "change");
        await page.SelectOptionAsync("#filter-need", "ebike");

        int expected = 0, expectedOnMap = 0;
        string text = "";
        int bright = 0;
        await AppHostFixture.Until(async () =>
        {
            var matching = (await app.WireStations()).Where(s => s.Flag("installed") && s.Flag("renting") && s.Int("ebike") >= minimum).ToArray();
            (expected, expectedOnMap) = (matching.Length, matching.Count(s => s.HasPosition()));
            text = await page.InnerTextAsync("#filter-count");
            bright = await page.EvaluateAsync<int>("() => [...window.velibEarlyMap.markers.values()].filter(m => m.options.fillOpacity > 0.5).length");
            return 0;
        }, _ => text.Contains(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal) && bright == expectedOnMap,
            Settle, "the filter's count or its bright markers never matched the API");

        Assert.Equal(Say(locale, $"{expected} stations correspondent", $"{expected} stations match"), text.Trim());
        Assert.Equal(expectedOnMap, bright);
        output.WriteLine($"{expected} stations have at least {minimum} e-bikes ({expectedOnMap} on the map)");
        await page.AssertLanguageAsync(locale);
    }

    private static double Metres(double lat1, double lon1, double lat2, double lon2)
    {
        static double Rad(double d) => d * Math.PI / 180;
        var a = Math.Pow(Math.Sin(Rad(lat2 - lat1) / 2), 2) + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Pow(Math.Sin(Rad(lon2 - lon1) / 2), 2);
        return 2 * 6371000 * Math.Asin(Math.Sqrt(a));
    }

    [Theory]
    [MemberData(nameof(Locales), MemberType = typeof(RiderPages))]
    public async Task A_rider_near_the_hotel_de_ville_who_needs_a_mechanical_bike_sees_the_five_nearest_that_have_one(string locale)
    {
        // The position as the browser gets it (Playwright's is a float): the same metres as the page computes.
        const float latitude = 48.8566f, longitude = 2.3522f;
        double lat = latitude, lon = longitude;
        var page = await PhonePageAsync(locale, "/", o =>
        {
            o.Geolocation = new Geolocation { Latitude = latitude, Longitude = longitude };
            o.Permissions = ["geolocation"];
        });

        await page.SelectOptionAsync("#filter-need", "mechanical");
        await page.ClickAsync("#near-me");
        await page.Until("() => document.querySelectorAll('#nearest-list li').length === 5", "the nearest stations were never listed");

        long[] expected = [], shown = [];
        await AppHostFixture.Until(async () =>
        {
            expected = [.. (await app.WireStations()).Where(s => s.HasPosition() && s.Flag("installed") && s.Flag("renting") && s.Int("mechanical") >= 1)
                .OrderBy(s => Metres(lat, lon, s.GetProperty("lat").GetDouble(), s.GetProperty("lon").GetDouble())).Take(5).Select(s => s.Id())];
            shown = [.. (await page.EvalOnSelectorAllAsync<string[]>("#nearest-list button[data-id]", "bs => bs.map(b => b.dataset.id)")).Select(id => long.Parse(id, System.Globalization.CultureInfo.InvariantCulture))];
            return 0;
        }, _ => expected.SequenceEqual(shown), Settle, "the nearest stations listed were never the API's five nearest with a mechanical bike");

        Assert.Equal(expected, shown);
        await Assertions.Expect(page.Locator("#nearest-list li").First).ToContainTextAsync(Say(locale, "méca", "mech"));
        await page.AssertLanguageAsync(locale);
        await page.Shot($"phone-nearest-{locale}");
    }

    private async Task<(IPage Page, JsonElement Station)> StarAsync(string locale)
    {
        var station = await BigStation();
        var page = await PhonePageAsync(locale, $"/?station={station.Code()}");
        await DetailOf(page, station.Code());
        await page.ClickAsync("#favourite-star");
        await page.Until("() => document.querySelector('#favourite-star')?.getAttribute('aria-pressed') === 'true'", "the star never turned on");
        await page.Seen($"#my-stations-list li[data-code='{station.Code()}']", "the starred station never appeared in My stations");
        return (page, station);
    }

    [Theory]
    [MemberData(nameof(Locales), MemberType = typeof(RiderPages))]
    public async Task A_rider_stars_a_station_and_it_stays_in_my_stations_with_its_live_numbers_after_a_reload(string locale)
    {
        var (page, station) = await StarAsync(locale);
        var item = page.Locator($"#my-stations-list li[data-code='{station.Code()}']");

        await AssertFavouriteShowsTheApi(page, station, locale);
        await Assertions.Expect(page.Locator("#favourite-star")).ToHaveAttributeAsync("aria-label", Say(locale, "Retirer de Mes stations", "Remove from My stations"));

        await page.ReloadAsync(new() { Timeout = Patience });
        await page.WaitForMarkersAsync(Patience);
        await Assertions.Expect(item).ToHaveCountAsync(1, new() { Timeout = Patience });
        await AssertFavouriteShowsTheApi(page, station, locale);
        Assert.True(await page.IsHiddenAsync("#no-favourites"));
        await page.AssertLanguageAsync(locale);
    }

    private async Task AssertFavouriteShowsTheApi(IPage page, JsonElement station, string locale)
    {
        string expected = "", shown = "";
        await AppHostFixture.Until(async () =>
        {
            var s = (await app.WireStations()).Single(x => x.Id() == station.Id());
            expected = Say(locale, $"{s.Int("mechanical")} méca · {s.Int("ebike")} élec · {s.Int("docks")} places",
                $"{s.Int("mechanical")} mech · {s.Int("ebike")} e · {s.Int("docks")} docks");
            shown = await page.Locator($"#my-stations-list li[data-code='{station.Code()}'] .velib-counts").InnerTextAsync(new() { Timeout = Patience });
            return 0;
        }, _ => shown == expected, Settle, $"My stations never showed the API's numbers of {station.Code()}");
        Assert.Equal(expected, shown);
    }

    [Theory]
    [MemberData(nameof(Locales), MemberType = typeof(RiderPages))]
    public async Task A_rider_sets_an_e_bike_alert_below_five_and_finds_it_set_after_a_reload(string locale)
    {
        var (page, station) = await StarAsync(locale);
        var item = $"#my-stations-list li[data-code='{station.Code()}']";

        await OpenAlertSettings(page, item);
        await Assertions.Expect(page.Locator($"{item} summary")).ToHaveTextAsync(Say(locale, "Alertes pour ", "Alerts for ") + (await page.InnerTextAsync("#detail-name")));
        await page.ClickAsync($"{item} input[data-alert='ebike']");
        await page.Until("() => JSON.parse(localStorage.getItem('velib.favourites') ?? '[]').some(f => f.alertEbike === true)", "the e-bike alert was never stored");
        // My stations is drawn again at each change (see PageDesignTests for whether the settings stay open): reopen if closed.
        await OpenAlertSettings(page, item);
        await page.FillAsync($"{item} .velib-threshold", "5");
        await page.DispatchEventAsync($"{item} .velib-threshold", "change");
        await page.Until("() => JSON.parse(localStorage.getItem('velib.favourites') ?? '[]').some(f => f.alertEbike === true && f.threshold === 5)",
            "the alert setting was never stored");

        await page.ReloadAsync(new() { Timeout = Patience });
        await page.WaitForMarkersAsync(Patience);
        await page.Seen(item, "the favourite was lost on reload");
        await OpenAlertSettings(page, item);
        Assert.True(await page.IsCheckedAsync($"{item} input[data-alert='ebike']"), "the e-bike alert was not kept");
        Assert.False(await page.IsCheckedAsync($"{item} input[data-alert='mechanical']"), "an alert the rider did not set is on");
        Assert.Equal("5", await page.InputValueAsync($"{item} .velib-threshold"));
        await page.AssertLanguageAsync(locale);
    }

    private static async Task OpenAlertSettings(IPage page, string item)
    {
        if (!await page.EvaluateAsync<bool>("item => document.querySelector(item + ' details')?.open === true", item)) await page.ClickAsync($"{item} summary");
    }

    [Theory]
    [MemberData(nameof(Locales), MemberType = typeof(RiderPages))]
    public async Task A_rider_switches_the_language_and_the_open_station_stays_open_in_the_other_language(string locale)
    {
        var station = await BigStation();
        var page = await PhonePageAsync(locale);
        await page.TapMarkerAsync(station.Id());
        await DetailOf(page, station.Code());
        await page.AssertLanguageAsync(locale);
        var other = locale.StartsWith("fr", StringComparison.Ordinal) ? "en-US" : "fr-FR";

        await page.ClickAsync($"#language-switch a[data-language='{other[..2]}']");
        await page.Until($"() => document.documentElement.lang === '{other[..2]}'", $"the page never switched to {other}");
        await page.WaitForMarkersAsync(Patience);

        await page.AssertLanguageAsync(other);
        await DetailOf(page, station.Code());
        Assert.Contains($"station={station.Code()}", page.Url);
        // The choice is remembered: a reload stays in the other language, whatever the browser's.
        await page.ReloadAsync(new() { Timeout = Patience });
        await page.WaitForMarkersAsync(Patience);
        await page.AssertLanguageAsync(other);
    }

    [Theory]
    [MemberData(nameof(Locales), MemberType = typeof(RiderPages))]
    public async Task A_rider_turns_on_the_dark_theme_and_it_is_still_dark_after_a_reload(string locale)
    {
        var page = await PhonePageAsync(locale);
        await Assertions.Expect(page.Locator("#dark-toggle")).ToHaveAttributeAsync("aria-label", Say(locale, "Mode sombre", "Toggle dark mode"));

        await page.TurnDarkAsync();

        await page.ReloadAsync(new() { Timeout = Patience });
        await page.WaitForMarkersAsync(Patience);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.classList.contains('velib-dark')"), "the dark theme was not kept");
        Assert.Equal("true", await page.GetAttributeAsync("#dark-toggle", "aria-pressed"));
        await page.AssertLanguageAsync(locale);
        await page.Shot($"phone-dark-{locale}");

        await page.ClickAsync("#dark-toggle");
        await page.Until("() => !document.documentElement.classList.contains('velib-dark')", "the page never turned light again");
    }

    [SharedDataTheory]
    [MemberData(nameof(Locales), MemberType = typeof(RiderPages))]
    public async Task A_rider_replays_a_past_time_sees_the_totals_of_then_and_goes_back_to_live(string locale)
    {
        await app.FirstCheckpointAsync(TimeSpan.FromSeconds(90));
        var page = await PhonePageAsync(locale);
        await page.Until("() => !document.querySelector('#replay-slider').disabled", "the replay slider was never enabled");

        var max = int.Parse((await page.GetAttributeAsync("#replay-slider", "max"))!, System.Globalization.CultureInfo.InvariantCulture);
        await page.FillAsync("#replay-slider", (max / 2).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Seen("#replay-banner", "the replay banner never showed");
        await page.Until("() => new URL(location.href).searchParams.has('at')", "the address never took the replayed time");
        var at = new Uri(page.Url).Query.TrimStart('?').Split('&').Select(p => Uri.UnescapeDataString(p)).Single(p => p.StartsWith("at=", StringComparison.Ordinal))[3..];

        var then = await app.WireStations($"/api/stations?at={Uri.EscapeDataString(at)}");
        var bikes = then.Sum(s => s.Int("mechanical") + s.Int("ebike"));
        await page.Until($"() => document.querySelector('#total-bikes').dataset.value === '{bikes}'", $"the totals never showed the {bikes} bikes of {at}");
        Assert.Equal((then.Length, bikes, then.Sum(s => s.Int("docks"))), (await page.Value("total-stations"), await page.Value("total-bikes"), await page.Value("total-docks")));
        Assert.StartsWith("REPLAY ·", await page.InnerTextAsync("#replay-banner-text"));
        await Assertions.Expect(page.Locator("#back-to-live")).ToHaveTextAsync(Say(locale, "Retour au direct", "Back to live"));
        await page.AssertLanguageAsync(locale);
        await page.Shot($"phone-replay-{locale}");

        await page.ClickAsync("#back-to-live");
        await page.Seen("#replay-banner", "the replay banner never went away", WaitForSelectorState.Hidden);
        await page.Until("() => !new URL(location.href).searchParams.has('at')", "the address kept the replayed time");
        int live = 0, shown = 0;
        await AppHostFixture.Until(async () =>
        {
            live = (await app.WireStations()).Sum(s => s.Int("mechanical") + s.Int("ebike"));
            shown = await page.Value("total-bikes");
            return 0;
        }, _ => live == shown, Settle, "back to live, the totals never showed the API's live bikes");
    }
}
