using Microsoft.Playwright;
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
        var station = (await app.WireStations()).Where(s => s.Flag("installed") && s.HasPosition()).MaxBy(s => s.Int("capacity"));
        await using var context = await browser.Browser.NewContextAsync(new() { Locale = "en-US", ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        var page = await (await context.NewPageAsync()).OpenAsync(app);

        await TabUntil(page, "e => e.id === 'station-search'", "the search");
        await page.Keyboard.TypeAsync(station.Code());
        // Enter opens the best match: the exact number.
        await page.Keyboard.PressAsync("Enter");
        await page.Seen($"#station-detail[data-code='{station.Code()}']", "Enter in the search never opened the station");

        await TabUntil(page, "e => e.id === 'close-detail'", "the detail's close button");
        await page.Keyboard.PressAsync("Enter");
        await page.Seen("#station-detail", "the detail never closed", WaitForSelectorState.Detached);
        Assert.DoesNotContain("station=", page.Url);
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
