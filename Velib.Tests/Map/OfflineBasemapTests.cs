using System.Net.Http.Json;
using Aspire.Hosting.Testing;
using Microsoft.Playwright;
using Velib.Contracts.Stations;
using Velib.Tests.Integration;
using Velib.Tests.Support;
using Xunit.Abstractions;

namespace Velib.Tests.Map;

/// <summary>The bundled outline of Paris in headless Chromium, on the AppHost whose map has no tiles.</summary>
[Browser]
[Collection(AppHostCollection.Name)]
public sealed class OfflineBasemapTests(AppHostFixture app, BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const string Map = "#station-map";

    // 20 arrondissements, the communes of the three inner départements (123 in 2018) and the Seine.
    private const int AtLeastPaths = 140;

    private async Task<IPage> OpenAsync()
    {
        await AppHostFixture.Eventually(async () => (await app.Web.GetFromJsonAsync<Station[]>("/api/stations"))!, s => s.Length > 0, TimeSpan.FromSeconds(30));
        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        await page.GotoAsync(new Uri(app.App.GetEndpoint("web", "http"), "/").ToString());
        await page.WaitForFunctionAsync($"() => Number(document.querySelector('{Map}')?.dataset.markers) > 0", null, new() { Timeout = 30_000 });
        return page;
    }

    private static Task<string?> Outline(IPage page) => page.GetAttributeAsync(Map, "data-outline");

    private static Task WaitForOutline(IPage page, string state) =>
        page.WaitForFunctionAsync($"() => document.querySelector('{Map}').dataset.outline === '{state}'", null, new() { Timeout = 15_000 });

    [Fact]
    public async Task Without_tiles_the_map_draws_the_communes_the_arrondissements_and_the_seine_under_the_markers()
    {
        var page = await OpenAsync();

        await WaitForOutline(page, "full");

        Assert.Equal("none", await page.GetAttributeAsync(Map, "data-tiles"));
        var paths = await page.Locator($"{Map} .leaflet-velib-outline-pane path").CountAsync();
        Assert.True(paths >= AtLeastPaths, $"{paths} outline paths drawn, expected at least {AtLeastPaths}");
        Assert.Equal(paths.ToString(System.Globalization.CultureInfo.InvariantCulture), await page.GetAttributeAsync(Map, "data-outline-paths"));
        // A rider tells where they are by the arrondissement names.
        await Assertions.Expect(page.Locator(".velib-outline-arrondissement", new() { HasText = "1er" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".velib-outline-arrondissement", new() { HasText = "11e" })).ToBeVisibleAsync();
        Assert.Equal(20, await page.Locator(".velib-outline-arrondissement").CountAsync());
        // The sources are credited where the map is.
        var credits = await page.Locator($"{Map} .leaflet-control-attribution").InnerTextAsync();
        Assert.Contains("Ville de Paris", credits);
        Assert.Contains("IGN", credits);
        Assert.Contains("Vélib' Métropole", credits);
        // The outline's pane sits under the markers' canvas.
        var z = await page.EvaluateAsync<int[]>(
            "() => ['.leaflet-velib-outline-pane', '.leaflet-overlay-pane'].map(p => Number(getComputedStyle(document.querySelector(p)).zIndex))");
        Assert.True(z[0] < z[1], $"outline pane z {z[0]}, markers z {z[1]}");

        var shot = Path.Combine(BrowserFixture.Screenshots, "offline-basemap.png");
        await page.ScreenshotAsync(new() { Path = shot });
        output.WriteLine($"{paths} outline paths; screenshot {shot}");
    }

    [Fact]
    public async Task With_tiles_the_outline_turns_faint_and_comes_back_when_they_fail()
    {
        var page = await OpenAsync();
        await WaitForOutline(page, "full");

        // Leaflet's tile events set data-tiles; set it as they would, since the test AppHost serves no tiles.
        await page.EvalOnSelectorAsync(Map, "e => e.dataset.tiles = 'ok'");
        await WaitForOutline(page, "faint");
        Assert.Equal(0, await page.Locator(".velib-outline-arrondissement").CountAsync());
        Assert.DoesNotContain("Ville de Paris", await page.Locator($"{Map} .leaflet-control-attribution").InnerTextAsync());

        await page.EvalOnSelectorAsync(Map, "e => e.dataset.tiles = 'unavailable'");
        await WaitForOutline(page, "full");
        Assert.Equal("full", await Outline(page));
        Assert.Equal(20, await page.Locator(".velib-outline-arrondissement").CountAsync());
    }
}
