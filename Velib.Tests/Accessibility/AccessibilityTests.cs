using Microsoft.Playwright;
using Velib.Tests.Integration;
using Velib.Tests.Support;
using static Velib.Tests.Support.RiderPages;

namespace Velib.Tests.Accessibility;

/// <summary>
/// axe-core's WCAG 2.1 A and AA rules on the rider page, in a French and an English browser (the page follows the
/// browser's language), against the real AppHost: as it opens, with a station open, with a favourite and its alert
/// settings in My stations, and in the dark theme.
/// </summary>
[Browser]
[Collection(AppHostCollection.Name)]
public sealed class AccessibilityTests(AppHostFixture app, BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly List<IBrowserContext> _contexts = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts) await context.CloseAsync();
    }

    private async Task<IPage> OpenAsync(string locale, string path = "/")
    {
        await app.WireStations();
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = locale,
            ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
        });
        _contexts.Add(context);
        var page = await (await context.NewPageAsync()).OpenAsync(app, path);
        await page.AssertLanguageAsync(locale);
        return page;
    }

    private async Task<string> BigStationCode() =>
        (await app.WireStations()).Where(s => s.Flag("installed") && s.HasPosition()).MaxBy(s => s.Int("capacity")).Code();

    [Theory]
    [MemberData(nameof(Locales), MemberType = typeof(RiderPages))]
    public async Task The_rider_page_has_no_wcag_21_aa_violation(string locale)
    {
        var page = await OpenAsync(locale);
        // The replay control has read the archive's range (or said it has none): its controls are part of what is checked.
        await page.Until("() => velibEarlyMap.ready.replay !== undefined", "the replay control never loaded");

        await Axe.AssertNoViolationAsync(page, $"the rider page ({locale})");
    }

    [Theory]
    [MemberData(nameof(Locales), MemberType = typeof(RiderPages))]
    public async Task The_page_with_a_station_open_has_no_wcag_21_aa_violation(string locale)
    {
        var code = await BigStationCode();
        var page = await OpenAsync(locale, $"/?station={code}");
        await page.Seen($"#station-detail[data-code='{code}']", $"the panel of station {code} never opened");
        // Its forecast and archived span are fragments of their own: checked once they are in.
        await page.Seen("#detail-forecast", "the forecast never loaded");
        await page.Seen("#station-week", "the archived span never loaded");

        await Axe.AssertNoViolationAsync(page, $"the page with station {code} open ({locale})");
    }

    [Theory]
    [MemberData(nameof(Locales), MemberType = typeof(RiderPages))]
    public async Task My_stations_with_a_favourite_and_its_alert_settings_open_has_no_wcag_21_aa_violation(string locale)
    {
        var code = await BigStationCode();
        var page = await OpenAsync(locale, $"/?station={code}");
        await page.Seen($"#station-detail[data-code='{code}']", $"the panel of station {code} never opened");
        await page.ClickAsync("#favourite-star");
        await page.Seen($"#my-stations-list li[data-code='{code}']", "the starred station never appeared in My stations");
        await page.ClickAsync($"#my-stations-list li[data-code='{code}'] summary");
        await page.Seen($"#my-stations-list li[data-code='{code}'] input[data-alert='mechanical']", "the alert settings never opened");

        await Axe.AssertNoViolationAsync(page, $"My stations with station {code} and its alert settings open ({locale})");
    }

    [Theory]
    [MemberData(nameof(Locales), MemberType = typeof(RiderPages))]
    public async Task The_dark_theme_with_a_station_open_has_no_wcag_21_aa_violation(string locale)
    {
        var code = await BigStationCode();
        var page = await OpenAsync(locale, $"/?station={code}");
        await page.Seen($"#station-detail[data-code='{code}']", $"the panel of station {code} never opened");

        await page.TurnDarkAsync();
        await page.Seen("#detail-forecast", "the forecast never loaded");

        await Axe.AssertNoViolationAsync(page, $"the dark theme with station {code} open ({locale})");
    }
}
