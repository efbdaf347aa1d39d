using Microsoft.Playwright;

namespace Velib.Tests.Support;

/// <summary>What every map test waits for first.</summary>
public static class MapPageWaits
{
    /// <summary>
    /// Until the circuit has drawn its markers: the page is loaded, interactive and showing the network. Markers drawn
    /// before it (wwwroot/js/early-map.js) do not count: a test that typed or clicked then would lose it to the
    /// interactive render.
    /// </summary>
    public static Task WaitForMarkersAsync(this IPage page, int timeoutMs = 30_000) =>
        page.WaitForFunctionAsync("() => { const e = document.querySelector('#station-map'); return Number(e?.dataset.markers) > 0 && e.dataset.circuitLoadedAt !== undefined; }",
            null, new() { Timeout = timeoutMs });

    /// <summary>Until the early script has drawn the markers from <c>/api/stations</c>; fails at once if it says it failed.</summary>
    public static async Task WaitForEarlyMarkersAsync(this IPage page, int timeoutMs = 30_000)
    {
        await page.WaitForFunctionAsync("() => ['drawn', 'failed', 'skipped', 'superseded'].includes(document.querySelector('#station-map')?.dataset.early)",
            null, new() { Timeout = timeoutMs });
        var state = await page.GetAttributeAsync("#station-map", "data-early");
        if (state != "drawn") throw new InvalidOperationException($"the early map ended '{state}' instead of drawing the markers (see the browser console)");
    }
}
