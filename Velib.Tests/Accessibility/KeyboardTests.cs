using System.Net.Http.Json;
using Aspire.Hosting.Testing;
using Microsoft.Playwright;
using Velib.Contracts.Stations;
using Velib.Tests.Integration;
using Velib.Tests.Support;

namespace Velib.Tests.Accessibility;

/// <summary>A rider without a mouse reaches a station (a marker cannot take the focus) through the search.</summary>
[Browser]
[Collection(AppHostCollection.Name)]
public sealed class KeyboardTests(AppHostFixture app, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    // Enough for the app bar, the map's controls and the side panel before the search, whatever their number.
    private const int MaxTabs = 40;

    [Fact]
    public async Task With_the_keyboard_only_a_rider_searches_a_station_opens_its_detail_and_closes_it()
    {
        var station = (await AppHostFixture.Eventually(async () => (await app.Web.GetFromJsonAsync<Station[]>("/api/stations"))!, s => s.Length > 0,
            TimeSpan.FromSeconds(30))).Where(s => s.Installed).MaxBy(s => s.Capacity)!;
        await using var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(app.App.GetEndpoint("web", "http"), "/").ToString());
        await page.WaitForMarkersAsync();

        await TabUntil(page, "e => e.id === 'station-search'", "the search");
        // One input event for the number, as a paste or an IME gives. Typed key by key, a character was sometimes
        // lost to the search box's round trip (seen in 1 run of 3 here; noted in the issue).
        await page.Keyboard.InsertTextAsync(station.Code);
        // The suggestions follow the typing (debounced): wait for those of the whole number.
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item").First).ToContainTextAsync($"{station.Code} ·", new() { Timeout = 15_000 });
        // The first suggestion is the active one.
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync($"#station-detail[data-code='{station.Code}']", new() { Timeout = 15_000 });

        // The close button ends the detail's title row.
        await TabUntil(page, "e => e === document.querySelector('#station-detail > div:first-child > button:last-child')", "the detail's close button");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#station-detail", new() { State = WaitForSelectorState.Detached, Timeout = 15_000 });
    }

    private static async Task TabUntil(IPage page, string isTarget, string what)
    {
        for (var i = 0; i < MaxTabs; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>($"() => document.activeElement !== null && ({isTarget})(document.activeElement)"))
            {
                return;
            }
        }
        Assert.Fail($"{MaxTabs} presses of Tab never reached {what}");
    }
}
