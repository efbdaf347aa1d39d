using Microsoft.Playwright;

namespace Velib.Tests.Support;

/// <summary>What every map test waits for first.</summary>
public static class MapPageWaits
{
    /// <summary>Until the map has drawn its markers: the page is loaded, interactive and showing the network.</summary>
    public static Task WaitForMarkersAsync(this IPage page, int timeoutMs = 30_000) =>
        page.WaitForFunctionAsync("() => Number(document.querySelector('#station-map')?.dataset.markers) > 0", null, new() { Timeout = timeoutMs });
}
