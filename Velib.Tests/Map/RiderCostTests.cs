using Aspire.Hosting.Testing;
using Microsoft.Playwright;
using Velib.Tests.Integration;
using Velib.Tests.Support;
using Xunit.Abstractions;

namespace Velib.Tests.Map;

/// <summary>What riders cost the web process: real map tabs in headless Chromium, one browser context each.</summary>
[Browser]
[Collection(AppHostCollection.Name)]
public sealed class RiderCostTests(AppHostFixture app, BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const int Tabs = 20;

    // No bound on memory here: what 20 tabs cost is a benchmark figure (the goal is 20 MB for 20 tabs; bench/riders.sh
    // measures the Release build). The GC grows its heaps as it sees fit and gives memory back when it likes (a run
    // of this test saw +125 MB with the tabs open, none of it returned after they closed): an RSS difference cannot
    // tell per-rider state from GC slack, so a bound would either fail on a busy machine or never fail. The test
    // checks what it can (every tab follows the new snapshot) and prints the real process's figures.

    [SharedDataFact]
    public async Task Twenty_map_tabs_follow_a_new_snapshot_and_what_they_cost_the_real_web_process_is_printed()
    {
        await app.ServedSnapshotAsync();
        // The real Velib.Web, not the `dotnet run` wrapper DCP reports, whose memory never moves.
        var web = await app.Host.ProjectPidOf("web", "Velib.Web");
        // One tab first, so that what every page needs once (JIT, caches, the compressed documents) is not counted.
        await using (var warm = await browser.Browser.NewContextAsync())
        {
            var page = await warm.NewPageAsync();
            await page.GotoAsync(new Uri(app.App.GetEndpoint("web", "http"), "/").ToString());
            await page.WaitForMarkersAsync();
        }
        var before = ProcessTree.ResidentBytes(web);
        var peak = before;

        var contexts = new List<IBrowserContext>();
        var pages = new List<IPage>();
        for (var i = 0; i < Tabs; i++)
        {
            var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US" });
            contexts.Add(context);
            var page = await context.NewPageAsync();
            await page.GotoAsync(new Uri(app.App.GetEndpoint("web", "http"), "/").ToString());
            pages.Add(page);
            peak = Math.Max(peak, ProcessTree.ResidentBytes(web));
        }
        foreach (var page in pages) await page.WaitForMarkersAsync();
        var (bikes, _) = app.AdvanceFeed();
        foreach (var page in pages)
        {
            await page.WaitForFunctionAsync($"() => document.querySelector('#total-bikes')?.dataset.value === '{bikes}'", null, new() { Timeout = 30_000 });
            peak = Math.Max(peak, ProcessTree.ResidentBytes(web));
        }
        var open = ProcessTree.ResidentBytes(web);
        peak = Math.Max(peak, open);
        foreach (var context in contexts) await context.CloseAsync();
        var closed = ProcessTree.ResidentBytes(web);

        output.WriteLine($"Velib.Web (pid {web}) RSS: {before >> 20} MB before, {peak >> 20} MB at the peak, {open >> 20} MB with {Tabs} tabs that " +
            $"each showed the next snapshot (+{(open - before) / 1024.0 / 1024:0.0} MB, {(open - before) / Tabs / 1024.0:0} KB a tab), {closed >> 20} MB after they closed");
    }
}
