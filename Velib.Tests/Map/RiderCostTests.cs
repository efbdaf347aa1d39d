using System.Diagnostics;
using Aspire.Hosting.Testing;
using Microsoft.Playwright;
using Velib.Tests.Integration;
using Velib.Tests.Support;
using Xunit.Abstractions;

namespace Velib.Tests.Map;

/// <summary>What riders cost the web process: real map tabs in headless Chromium, one browser context each.</summary>
[Collection(AppHostCollection.Name)]
[Trait("Category", "Browser")]
public sealed class RiderCostTests(AppHostFixture app, BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const int Tabs = 20;

    // Far above the goal (20 MB for 20 tabs), far below what a Blazor Server circuit per tab cost (6.7-9.7 MB each):
    // the test catches per-rider state coming back; the figure itself is reported, and measured in bench/riders.sh.
    private const long BoundBytes = 40L << 20;

    private static long Rss(int pid)
    {
        using var process = Process.GetProcessById(pid);
        process.Refresh();
        return process.WorkingSet64;
    }

    [SharedDataFact]
    public async Task Twenty_map_tabs_that_follow_a_new_snapshot_add_almost_nothing_to_the_web_process()
    {
        await app.ServedSnapshotAsync();
        var web = await app.Host.PidOf("web");
        // One tab first, so that what every page needs once (JIT, caches, the compressed documents) is not counted.
        await using (var warm = await browser.Browser.NewContextAsync())
        {
            var page = await warm.NewPageAsync();
            await page.GotoAsync(new Uri(app.App.GetEndpoint("web", "http"), "/").ToString());
            await page.WaitForMarkersAsync();
        }
        var before = Rss(web);

        var contexts = new List<IBrowserContext>();
        var pages = new List<IPage>();
        for (var i = 0; i < Tabs; i++)
        {
            var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US" });
            contexts.Add(context);
            var page = await context.NewPageAsync();
            await page.GotoAsync(new Uri(app.App.GetEndpoint("web", "http"), "/").ToString());
            pages.Add(page);
        }
        foreach (var page in pages) await page.WaitForMarkersAsync();
        var (bikes, _) = app.AdvanceFeed();
        foreach (var page in pages)
        {
            await page.WaitForFunctionAsync($"() => document.querySelector('#total-bikes')?.dataset.value === '{bikes}'", null, new() { Timeout = 30_000 });
        }
        var open = Rss(web);
        foreach (var context in contexts) await context.CloseAsync();
        var closed = Rss(web);

        output.WriteLine($"web RSS: {before >> 20} MB before, {open >> 20} MB with {Tabs} tabs that each showed the next snapshot " +
            $"({(open - before) / Tabs / 1024.0:0} KB a tab), {closed >> 20} MB after they closed");
        Assert.True(open - before < BoundBytes, $"{Tabs} tabs added {(open - before) >> 20} MB to the web process");
    }
}
