using System.Net.Http.Json;
using Aspire.Hosting.Testing;
using Microsoft.Playwright;
using Velib.Contracts.Stations;
using Velib.Tests.Integration;
using Velib.Tests.Support;

namespace Velib.Tests.Accessibility;

/// <summary>
/// axe-core's WCAG 2.1 A and AA rules on the live map, in a French and an English browser (the page follows the
/// browser's language), against the real AppHost.
/// </summary>
[Browser]
[Collection(AppHostCollection.Name)]
public sealed class AccessibilityTests(AppHostFixture app, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    public static TheoryData<string> Locales => new() { "fr-FR", "en-US" };

    private async Task<Station[]> ApiStations() =>
        await AppHostFixture.Eventually(async () => (await app.Web.GetFromJsonAsync<Station[]>("/api/stations"))!, s => s.Length > 0, TimeSpan.FromSeconds(30));

    private async Task<IPage> OpenAsync(IBrowserContext context, string path)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(app.App.GetEndpoint("web", "http"), path).ToString());
        await page.WaitForMarkersAsync();
        return page;
    }

    private Task<IBrowserContext> ContextAsync(string locale) => browser.Browser.NewContextAsync(new BrowserNewContextOptions
    {
        Locale = locale,
        ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
    });

    [Theory]
    [MemberData(nameof(Locales))]
    public async Task The_map_page_has_no_wcag_21_aa_violation(string locale)
    {
        await ApiStations();
        await using var context = await ContextAsync(locale);
        var page = await OpenAsync(context, "/");
        // The replay control has loaded the archive's range: its controls are part of what is checked.
        await page.WaitForSelectorAsync("#replay-control", new() { Timeout = 15_000 });

        await Axe.AssertNoViolationAsync(page, $"the map page ({locale})");
    }

    [Theory]
    [MemberData(nameof(Locales))]
    public async Task The_station_detail_panel_has_no_wcag_21_aa_violation(string locale)
    {
        var station = (await ApiStations()).Where(s => s.Installed).MaxBy(s => s.Capacity)!;
        await using var context = await ContextAsync(locale);
        var page = await OpenAsync(context, $"/?station={station.Code}");
        await page.WaitForSelectorAsync($"#station-detail[data-code='{station.Code}']", new() { Timeout = 15_000 });

        await Axe.AssertNoViolationAsync(page, $"the detail of station {station.Code} ({locale})");
    }

    [Theory]
    [MemberData(nameof(Locales))]
    public async Task The_unknown_station_message_in_the_dark_theme_has_no_wcag_21_aa_violation(string locale)
    {
        await ApiStations();
        await using var context = await ContextAsync(locale);
        var page = await OpenAsync(context, "/?station=99999999");
        await page.WaitForSelectorAsync("#unknown-station", new() { Timeout = 15_000 });
        var light = await Background(page);

        // The app bar's only toggle button is the theme's.
        await page.ClickAsync(".mud-appbar button[aria-pressed]");
        await page.WaitForFunctionAsync("light => getComputedStyle(document.body).backgroundColor !== light", light, new() { Timeout = 15_000 });

        await Axe.AssertNoViolationAsync(page, $"the unknown station message in the dark theme ({locale})");
    }

    [Theory]
    [MemberData(nameof(Locales))]
    public async Task My_stations_with_a_favourite_and_its_alert_settings_has_no_wcag_21_aa_violation(string locale)
    {
        var station = (await ApiStations()).Where(s => s.Installed).MaxBy(s => s.Capacity)!;
        await using var context = await ContextAsync(locale);
        var page = await OpenAsync(context, $"/?station={station.Code}");
        await page.ClickAsync("#favourite-star");
        await page.WaitForSelectorAsync($"#my-stations li[data-code='{station.Code}']", new() { Timeout = 15_000 });
        await page.ClickAsync($"#my-stations li[data-code='{station.Code}'] summary");

        await Axe.AssertNoViolationAsync(page, $"My stations with station {station.Code} and its alert settings open ({locale})");
    }

    [Theory]
    [MemberData(nameof(Locales))]
    public async Task The_replay_banner_and_control_have_no_wcag_21_aa_violation(string locale)
    {
        await ApiStations();
        var range = (await AppHostFixture.Eventually(() => app.Web.GetFromJsonAsync<Velib.Contracts.Archive.ArchiveRange>("/api/archive/range"),
            r => r?.FirstUtc is not null, TimeSpan.FromSeconds(30)))!;
        await using var context = await ContextAsync(locale);
        var page = await OpenAsync(context, $"/?at={range.LastUtc.AddSeconds(-1):yyyy-MM-ddTHH:mm:ssZ}");
        await page.WaitForSelectorAsync("#replay-banner", new() { Timeout = 15_000 });

        await Axe.AssertNoViolationAsync(page, $"the replay banner and control ({locale})");
    }

    private static Task<string> Background(IPage page) => page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
}
