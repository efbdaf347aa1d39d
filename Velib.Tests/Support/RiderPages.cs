using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.Testing;
using Microsoft.Playwright;
using Velib.Tests.Integration;

namespace Velib.Tests.Support;

/// <summary>The rider page in a browser, as the browser tests open it: on a throttled phone or a desktop, in a language.</summary>
public static class RiderPages
{
    public const int PhoneWidth = 390, PhoneHeight = 844;

    /// <summary>A throttled phone is slow: a wait on the page allows this much before it fails.</summary>
    public const int Patience = 60_000;

    public static TheoryData<string> Locales => new() { "fr-FR", "en-US" };

    /// <summary>The colours velib-map.js paints each availability with (its fill colour).</summary>
    public const string MarkerColours = "{ ok: '#2e7d32', low: '#f9a825', empty: '#c62828', full: '#1565c0', out: '#757575' }";

    public static Uri Web(this AppHostFixture app) => app.App.GetEndpoint("web", "http");

    public static string Url(this AppHostFixture app, string path = "/") => new Uri(app.Web(), path).ToString();

    /// <summary>The stations of the API once it has some, in the wire shape the page holds (with its availability).</summary>
    public static async Task<JsonElement[]> WireStations(this AppHostFixture app, string path = "/api/stations") =>
        (await AppHostFixture.Until(async () => (await app.Web.GetFromJsonAsync<JsonElement[]>(path))!, s => s.Length > 0,
            TimeSpan.FromSeconds(30), "the API never had stations")).ToArray();

    /// <summary>A phone's browser (390 × 844, touch), in <paramref name="locale"/>; more options through <paramref name="configure"/>.</summary>
    public static Task<IBrowserContext> PhoneAsync(this BrowserFixture browser, string locale, Action<BrowserNewContextOptions>? configure = null)
    {
        var options = new BrowserNewContextOptions
        {
            Locale = locale,
            ViewportSize = new ViewportSize { Width = PhoneWidth, Height = PhoneHeight },
            DeviceScaleFactor = 2,
            IsMobile = true,
            HasTouch = true,
        };
        configure?.Invoke(options);
        return browser.Browser.NewContextAsync(options);
    }

    /// <summary>
    /// A page throttled like a mid-range phone on a slow mobile network (Chrome's "slow 4G"-like profile: 150 ms, 1.6
    /// Mbit/s down, 750 kbit/s up; the CPU 4 times slower), through the DevTools protocol. It lasts across reloads.
    /// </summary>
    public static async Task<IPage> ThrottledPageAsync(this IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Network.enable");
        await cdp.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
        {
            ["offline"] = false, ["latency"] = 150, ["downloadThroughput"] = 200_000, ["uploadThroughput"] = 93_750,
        });
        await cdp.SendAsync("Emulation.setCPUThrottlingRate", new Dictionary<string, object> { ["rate"] = 4 });
        return page;
    }

    /// <summary>Goes to <paramref name="path"/> and waits until every rider job works and the markers are drawn.</summary>
    public static async Task<IPage> OpenAsync(this IPage page, AppHostFixture app, string path = "/")
    {
        await page.GotoAsync(app.Url(path), new() { Timeout = Patience });
        await page.WaitForMarkersAsync(Patience);
        return page;
    }

    /// <summary>Waits for <paramref name="script"/> (a JS function's text) to hold, failing with <paramref name="what"/>.</summary>
    public static async Task Until(this IPage page, string script, string what, object? arg = null, int timeoutMs = Patience)
    {
        try
        {
            await page.WaitForFunctionAsync(script, arg, new() { Timeout = timeoutMs, PollingInterval = 100 });
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{what} (waited {timeoutMs / 1000} s for {script})", e);
        }
    }

    /// <summary>Waits for <paramref name="selector"/> in state <paramref name="state"/>, failing with <paramref name="what"/>.</summary>
    public static async Task Seen(this IPage page, string selector, string what, WaitForSelectorState state = WaitForSelectorState.Visible, int timeoutMs = Patience)
    {
        try
        {
            await page.WaitForSelectorAsync(selector, new() { State = state, Timeout = timeoutMs });
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{what} (waited {timeoutMs / 1000} s for {selector} to be {state})", e);
        }
    }

    public static async Task<int> Value(this IPage page, string id) => int.Parse((await page.GetAttributeAsync($"#{id}", "data-value"))!,
        System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Opens a station as a tap on its marker does (Leaflet's click on the marker of the station).</summary>
    public static async Task TapMarkerAsync(this IPage page, long id)
    {
        Assert.True(await page.EvaluateAsync<bool>("id => { const m = window.velibEarlyMap.markers.get(id); if (!m) return false; m.fire('click'); return true; }", id),
            $"station {id} has no marker on the map");
    }

    /// <summary>The text a rider sees in the page's language: French words for fr-FR, English ones for en-US.</summary>
    public static string Say(string locale, string french, string english) => locale.StartsWith("fr", StringComparison.Ordinal) ? french : english;

    /// <summary>The page is in the expected language: html lang, and one visible string of the side panel.</summary>
    public static async Task AssertLanguageAsync(this IPage page, string locale)
    {
        Assert.Equal(locale[..2], await page.GetAttributeAsync("html", "lang"));
        await Assertions.Expect(page.Locator("#near-me")).ToContainTextAsync(Say(locale, "Stations près de moi", "Stations near me"));
        await Assertions.Expect(page.Locator("#my-stations-title")).ToHaveTextAsync(Say(locale, "Mes stations", "My stations"));
    }

    /// <summary>
    /// Turns the dark theme on with its switch and asserts that the page is dark: the switch pressed, html.velib-dark, and
    /// the body's background changed. A failure says what the palette variable and the body's background are.
    /// </summary>
    public static async Task TurnDarkAsync(this IPage page)
    {
        const string Probe = "() => ({ background: getComputedStyle(document.body).backgroundColor, "
            + "variable: getComputedStyle(document.documentElement).getPropertyValue('--mud-palette-background').trim(), "
            + "classes: document.documentElement.className, theme: document.querySelector('style.mud-theme-provider') ? 'MudThemeProvider <style> in ' + document.querySelector('style.mud-theme-provider').parentElement.tagName : 'no MudThemeProvider style' })";
        var light = await page.EvaluateAsync<JsonElement>(Probe);
        await page.ClickAsync("#dark-toggle");
        await page.Until("() => document.documentElement.classList.contains('velib-dark') && document.querySelector('#dark-toggle').getAttribute('aria-pressed') === 'true'",
            "the dark switch never set html.velib-dark and aria-pressed");
        try
        {
            await page.WaitForFunctionAsync("light => getComputedStyle(document.body).backgroundColor !== light", light.GetProperty("background").GetString(),
                new() { Timeout = 5_000 });
        }
        catch (TimeoutException)
        {
            var dark = await page.EvaluateAsync<JsonElement>(Probe);
            Assert.Fail($"html.velib-dark is set but the page did not turn dark: before {light}, after {dark}");
        }
    }

    public static Task Shot(this IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Screenshots, name + ".png") });

    public static long Id(this JsonElement s) => s.GetProperty("id").GetInt64();

    public static string Code(this JsonElement s) => s.GetProperty("code").GetString()!;

    public static int Int(this JsonElement s, string name) => s.GetProperty(name).GetInt32();

    public static bool Flag(this JsonElement s, string name) => s.GetProperty(name).GetBoolean();

    public static bool HasPosition(this JsonElement s) => !(s.GetProperty("lat").GetDouble() == 0 && s.GetProperty("lon").GetDouble() == 0);
}
