using Microsoft.Playwright;

namespace Velib.Tests.Support;

/// <summary>What every map test waits for first.</summary>
public static class MapPageWaits
{
    /// <summary>
    /// Until every rider job of the page works (<c>window.velibEarlyMap.app</c>, set by js/velib-state.js) and the
    /// markers are drawn: a test that typed or clicked before could lose it to a module not yet wired.
    /// </summary>
    public static async Task WaitForMarkersAsync(this IPage page, int timeoutMs = 30_000)
    {
        try
        {
            await page.WaitForFunctionAsync("() => !!window.velibEarlyMap?.app && window.velibEarlyMap.markers.size > 0",
                null, new() { Timeout = timeoutMs });
        }
        catch (TimeoutException e)
        {
            var ready = await page.EvaluateAsync<string>("() => JSON.stringify({ ready: window.velibEarlyMap?.ready, markers: window.velibEarlyMap?.markers?.size })");
            throw new TimeoutException($"the page never had every rider job working and its markers drawn in {timeoutMs} ms (jobs ready: {ready})", e);
        }
    }
}
