using System.Net.Http.Json;
using Aspire.Hosting.Testing;
using Microsoft.Playwright;
using Velib.Contracts.Stations;
using Velib.Silo.Feed;
using Velib.Tests.Integration;
using Velib.Tests.Support;

namespace Velib.Tests.Map;

/// <summary>My stations in Chromium: a starred station survives a reload, and its alert fires once per crossing.</summary>
[Browser]
[Collection(AppHostCollection.Name)]
public sealed class FavouritesTests(AppHostFixture app, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private async Task<Station[]> Settled()
    {
        await app.ServedSnapshotAsync();
        return await app.StationsWithNames();
    }

    private async Task<IPage> OpenAsync(IBrowserContext context, string path)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(app.App.GetEndpoint("web", "http"), path).ToString());
        await page.WaitForMarkersAsync();
        return page;
    }

    private static Task WaitForBikes(IPage page, int bikes) =>
        page.WaitForFunctionAsync($"() => document.querySelector('#total-bikes')?.dataset.value === '{bikes}'", null, new() { Timeout = 30_000 });

    [SharedDataFact]
    public async Task A_starred_station_stays_under_my_stations_after_a_reload_and_its_alert_fires_once_when_it_falls_below()
    {
        var now = await Settled();
        var next = GbfsParser.ParseStatus(app.NextSnapshot(), VehicleTypeTable.Empty).Stations.ToDictionary(s => s.Id);
        // A station whose mechanical bikes fall between this snapshot and the next: the rider's number sits between the two.
        var (station, after) = now.Where(s => s.Installed && s.Lat != 0 && next.ContainsKey(s.Id) && next[s.Id].Mechanical < s.Mechanical)
            .Select(s => (s, next[s.Id].Mechanical)).First();
        var threshold = after + 1;
        await using var context = await browser.Browser.NewContextAsync(new() { Locale = "en-US" });
        var page = await OpenAsync(context, $"/?station={station.Code}");
        await page.WaitForSelectorAsync($"#station-detail[data-code='{station.Code}']", new() { Timeout = 15_000 });

        await page.GetByRole(AriaRole.Button, new() { Name = "Add to My stations" }).ClickAsync();
        await page.ReloadAsync();
        await page.WaitForSelectorAsync($"#my-stations li[data-code='{station.Code}']", new() { Timeout = 30_000 });
        var mine = page.GetByRole(AriaRole.Region, new() { Name = "My stations" });
        Assert.Contains(station.Name, await mine.InnerTextAsync());

        await mine.GetByText($"Alerts for {station.Name}").ClickAsync();
        await mine.GetByLabel("Number").FillAsync(threshold.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await mine.GetByLabel("Number").DispatchEventAsync("change");
        await mine.GetByLabel("Mechanical").CheckAsync();
        var (bikesNext, _) = app.AdvanceFeed();
        await WaitForBikes(page, bikesNext);
        await page.WaitForSelectorAsync("#fired-alerts", new() { Timeout = 15_000 });
        Assert.Equal("1", await page.GetAttributeAsync("#fired-alerts", "data-count"));
        Assert.Contains(station.Name, await page.InnerTextAsync("#fired-alerts"));

        var (bikesAfter, _) = app.AdvanceFeed();
        await WaitForBikes(page, bikesAfter);
        Assert.Equal("1", await page.GetAttributeAsync("#fired-alerts", "data-count"));
    }
}
