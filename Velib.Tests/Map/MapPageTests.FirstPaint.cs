using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Velib.Tests.Integration;
using Velib.Tests.Support;
using Velib.Web.Map;

namespace Velib.Tests.Map;

/// <summary>First paint: the totals in the first HTML, the markers from <c>/api/stations</c> before the circuit.</summary>
public sealed partial class MapPageTests
{
    // Every marker's colour and size, by station id: what a rider sees of it.
    private const string Looks = "markers => [...markers].map(([id, m]) => `${id} ${m.options.fillColor} ${m.getRadius().toFixed(3)}`).sort()";

    private static Task<double> LoadedAt(IPage page) => page.EvaluateAsync<double>("() => Number(document.querySelector('#station-map').dataset.loadedAt)");

    private static Task<double> CircuitLoadedAt(IPage page) => page.EvaluateAsync<double>("() => Number(document.querySelector('#station-map').dataset.circuitLoadedAt)");

    [SharedDataFact]
    public async Task The_first_html_already_has_the_totals_and_the_freshness_and_the_markers_follow()
    {
        var bikes = (await app.ServedSnapshotAsync()).Sum(s => s.Mechanical + s.Ebike);

        // The prerendered HTML, before any script runs: what a browser paints first.
        var html = await AppHostFixture.Until(() => app.Web.GetStringAsync("/"), h => h.Contains($"data-value=\"{bikes}\""), Patience,
            "the first HTML never carried the served snapshot's bike total");
        Assert.Contains("id=\"total-bikes\"", html);
        Assert.Matches("id=\"freshness\"[^>]*>updated \\d+ s ago", html);

        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { Locale = "en-US" });
        await page.GotoAsync(Url(), new() { WaitUntil = WaitUntilState.Commit });
        await page.WaitForFunctionAsync($"() => document.querySelector('#total-bikes')?.dataset.value === '{bikes}'", null, new() { Timeout = 30_000 });
        var totalsAt = await page.EvaluateAsync<double>("() => performance.now()");
        await page.WaitForMarkersAsync();
        var paint = await page.EvaluateAsync<double>("() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1");
        output.WriteLine($"first contentful paint {paint:0} ms (totals in the DOM by {totalsAt:0} ms); markers drawn {await LoadedAt(page):0} ms after navigation start, by the circuit {await CircuitLoadedAt(page):0} ms");
    }

    [SharedDataFact]
    public async Task The_markers_are_drawn_with_their_names_before_the_app_starts_and_a_click_then_opens_the_station()
    {
        await app.ServedSnapshotAsync();
        var stations = (await ApiStations()).ToDictionary(s => s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 }, Locale = "en-US" });
        // The app starts in the browser once the .NET WebAssembly runtime has loaded: held until the early map has been looked at.
        var circuit = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync(new Regex(@"/_framework/dotnet\.[^/]*js"), async route => { await circuit.Task; await route.ContinueAsync(); });
        string[] pending;
        string[] early;
        try
        {
            await page.GotoAsync(Url());
            await page.WaitForEarlyMarkersAsync();
            Assert.Equal(stations.Values.Count(Nearest.HasPosition), int.Parse((await page.GetAttributeAsync("#station-map", "data-markers"))!));
            Assert.Null(await page.GetAttributeAsync("#station-map", "data-circuit-loaded-at"));
            early = await page.EvaluateAsync<string[]>($"() => ({Looks})(window.velibEarlyMap.markers)");
            await Shot(page, "early-map");
            // Usable before the app: the tooltips have the names, and a click shows the station's numbers.
            pending = await page.EvaluateAsync<string[]>("""
                () => {
                  const state = window.velibEarlyMap, [id, m] = [...state.markers].find(([, m]) => state.map.getBounds().contains(m.getLatLng()));
                  m.fire('click');
                  return [id, m.getTooltip().getContent(), document.querySelector('.leaflet-popup-content')?.textContent ?? ''];
                }
                """);
            Assert.StartsWith($"{stations[pending[0]].Code} · {System.Net.WebUtility.HtmlEncode(stations[pending[0]].Name)}", pending[1]);
            Assert.StartsWith($"{stations[pending[0]].Code} · {stations[pending[0]].Name}", pending[2]);
            // From now on, every frame checks that the map, with markers, is on the page: no blank map while Blazor re-renders it.
            await page.EvaluateAsync("""
                () => {
                  const watch = window.__earlyWatch = { map: document.querySelector('#station-map'), container: document.querySelector('#station-map .velib-map-canvas'), blank: 0, frames: 0 };
                  const tick = () => {
                    const map = document.querySelector('#station-map');
                    watch.frames++;
                    if (!map?.contains(watch.container) || window.velibEarlyMap.markers.size === 0) watch.blank++;
                    if (map?.dataset.circuitLoadedAt === undefined) requestAnimationFrame(tick);
                  };
                  requestAnimationFrame(tick);
                }
                """);
        }
        finally
        {
            circuit.TrySetResult();
        }

        await page.WaitForMarkersAsync();
        // The click made before the app started opens that station's detail once it has.
        await page.WaitForSelectorAsync($"#station-detail[data-code='{stations[pending[0]].Code}']", new() { Timeout = 15_000 });
        // Opening it zooms the map onto it: the markers are clicked where they are once that is over.
        await page.WaitForFunctionAsync("() => { const m = window.velibEarlyMap.map; return m.getZoom() >= 16 && !m._animatingZoom; }", null, new() { Timeout = 15_000 });
        var watch = await page.EvaluateAsync<JsonElement>("""
            () => ({ blank: __earlyWatch.blank, frames: __earlyWatch.frames, replaced: document.querySelector('#station-map') !== __earlyWatch.map,
                     same: document.querySelector('#station-map .velib-map-canvas') === __earlyWatch.container, maps: document.querySelectorAll('#station-map .velib-map-canvas').length })
            """);
        output.WriteLine($"early markers at {await LoadedAt(page):0} ms, the circuit's at {await CircuitLoadedAt(page):0} ms; {watch}");
        Assert.Equal(0, watch.GetProperty("blank").GetInt32());
        Assert.True(watch.GetProperty("same").GetBoolean() && watch.GetProperty("maps").GetInt32() == 1, $"the interactive page did not keep the early map: {watch}");
        Assert.Equal("drawn", await page.GetAttributeAsync("#station-map", "data-early"));
        Assert.True(await LoadedAt(page) <= await CircuitLoadedAt(page));
        // Same markers, same colours and sizes: the early script classes a station as Availability.Of does.
        Assert.Equal(early, await page.EvaluateAsync<string[]>($"() => ({Looks})(document.querySelector('#station-map')._velib.markers)"));

        // A click on a marker drawn early opens its station, through the app.
        var target = await page.EvaluateAsync<string[]>("""
            () => {
              const state = document.querySelector('#station-map')._velib, map = state.map, size = map.getSize();
              const points = [...state.markers].map(([id, m]) => ({ id, p: map.latLngToContainerPoint(m.getLatLng()) }));
              let best = null, bestGap = -1;
              for (const a of points.filter(({ p }) => p.x > 80 && p.y > 80 && p.x < size.x - 80 && p.y < size.y - 80)) {
                const gap = Math.min(...points.filter(b => b !== a).map(b => a.p.distanceTo(b.p)));
                if (gap > bestGap) { bestGap = gap; best = a; }
              }
              const box = map.getContainer().getBoundingClientRect();
              return [best.id, String(box.left + best.p.x), String(box.top + best.p.y), state.markers.get(best.id).getTooltip().getContent()];
            }
            """);
        var station = stations[target[0]];
        Assert.StartsWith($"{station.Code} · ", target[3]);
        await page.Mouse.ClickAsync(float.Parse(target[1], System.Globalization.CultureInfo.InvariantCulture), float.Parse(target[2], System.Globalization.CultureInfo.InvariantCulture));
        await page.WaitForSelectorAsync($"#station-detail[data-code='{station.Code}']", new() { Timeout = 15_000 });
    }

    [SharedDataTheory]
    [InlineData(@"/api/stations/stream", "drawn")] // no stream (a proxy that cuts it): the network from /api/stations
    [InlineData(@"/api/stations$", "failed")] // the cached network never comes: the stream's first, full event brings it
    public async Task Without_the_stream_or_the_cached_stations_the_page_still_draws_every_marker(string blocked, string? early)
    {
        var stations = await ApiStations();
        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 }, Locale = "en-US" });
        await page.RouteAsync(new Regex(blocked), route => route.AbortAsync());

        await page.GotoAsync(Url());
        await page.WaitForMarkersAsync();

        Assert.Equal(stations.Count(Nearest.HasPosition), int.Parse((await page.GetAttributeAsync("#station-map", "data-markers"))!));
        Assert.Equal(early, await page.GetAttributeAsync("#station-map", "data-early"));
        Assert.Equal(1, await page.Locator("#station-map .velib-map-canvas").CountAsync());
        Assert.True(await LoadedAt(page) <= await CircuitLoadedAt(page));
    }
}
