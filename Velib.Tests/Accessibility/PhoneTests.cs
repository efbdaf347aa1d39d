using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.Testing;
using Microsoft.Playwright;
using Velib.Contracts.Stations;
using Velib.Tests.Integration;
using Velib.Tests.Support;
using Xunit.Abstractions;

namespace Velib.Tests.Accessibility;

/// <summary>The map on a phone: installable from its web app manifest, and laid out for a 390 × 844 screen.</summary>
[Browser]
[Collection(AppHostCollection.Name)]
public sealed class PhoneTests(AppHostFixture app, BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const int Width = 390, Height = 844;

    private async Task<IPage> OpenOnAPhoneAsync(IBrowserContext context)
    {
        await AppHostFixture.Eventually(async () => (await app.Web.GetFromJsonAsync<Station[]>("/api/stations"))!, s => s.Length > 0, TimeSpan.FromSeconds(30));
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(app.App.GetEndpoint("web", "http"), "/").ToString());
        await page.WaitForMarkersAsync();
        return page;
    }

    private Task<IBrowserContext> PhoneAsync() => browser.Browser.NewContextAsync(new BrowserNewContextOptions
    {
        ViewportSize = new ViewportSize { Width = Width, Height = Height },
        DeviceScaleFactor = 2,
        IsMobile = true,
        HasTouch = true,
    });

    [Fact]
    public async Task The_manifest_makes_the_app_installable_and_each_icon_is_an_image_of_its_declared_size()
    {
        await using var context = await PhoneAsync();
        var page = await OpenOnAPhoneAsync(context);

        var href = await page.EvaluateAsync<string>("() => document.querySelector('link[rel=manifest]').href");
        var response = await page.APIRequest.GetAsync(href);
        Assert.True(response.Ok, $"{href}: HTTP {response.Status}");
        var manifest = JsonDocument.Parse(await response.TextAsync()).RootElement;

        Assert.Equal("Vélib' live", manifest.GetProperty("name").GetString());
        Assert.False(string.IsNullOrWhiteSpace(manifest.GetProperty("short_name").GetString()));
        Assert.Equal("/", manifest.GetProperty("start_url").GetString());
        Assert.Equal("standalone", manifest.GetProperty("display").GetString());
        Assert.False(string.IsNullOrWhiteSpace(manifest.GetProperty("background_color").GetString()));
        // The phone's status bar takes the colour of the app bar under it.
        var theme = manifest.GetProperty("theme_color").GetString()!;
        Assert.Equal(theme, await page.GetAttributeAsync("meta[name=theme-color]", "content"));
        Assert.Equal(await Rgb(page, theme), await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.mud-appbar')).backgroundColor"));
        Assert.NotNull(await page.GetAttributeAsync("link[rel=apple-touch-icon]", "href"));

        var icons = manifest.GetProperty("icons").EnumerateArray().ToArray();
        Assert.Contains(icons, i => i.GetProperty("sizes").GetString() == "192x192" && i.GetProperty("type").GetString() == "image/png");
        Assert.Contains(icons, i => i.GetProperty("sizes").GetString() == "512x512" && i.GetProperty("type").GetString() == "image/png");
        Assert.Contains(icons, i => i.TryGetProperty("purpose", out var p) && p.GetString()!.Split(' ').Contains("maskable"));
        foreach (var icon in icons)
        {
            var src = new Uri(new Uri(href), icon.GetProperty("src").GetString()).ToString();
            var image = await page.APIRequest.GetAsync(src);
            Assert.True(image.Ok, $"{src}: HTTP {image.Status}");
            Assert.Equal(icon.GetProperty("type").GetString(), image.Headers["content-type"].Split(';')[0]);
            var size = await page.EvaluateAsync<int[]>(
                "src => new Promise((ok, fail) => { const i = new Image(); i.onload = () => ok([i.naturalWidth, i.naturalHeight]); i.onerror = fail; i.src = src; })", src);
            var declared = icon.GetProperty("sizes").GetString()!;
            output.WriteLine($"{src}: {image.Headers["content-type"]}, {size[0]}×{size[1]}, declared {declared}");
            if (declared != "any")
            {
                Assert.Equal(declared, $"{size[0]}x{size[1]}");
            }
        }
    }

    [Fact]
    public async Task On_a_390_by_844_phone_the_map_and_the_side_panel_are_usable_without_scrolling_sideways()
    {
        await using var context = await PhoneAsync();
        var page = await OpenOnAPhoneAsync(context);

        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= Width, "the page scrolls sideways");
        var map = (await page.Locator("#station-map").BoundingBoxAsync())!;
        Assert.True(map.Width >= Width - 1 && map.Height >= Height / 3, $"the map is {map.Width}×{map.Height}");
        var search = page.GetByRole(AriaRole.Searchbox).First;
        await Assertions.Expect(search).ToBeInViewportAsync();
        var side = (await page.Locator(".velib-side").BoundingBoxAsync())!;
        Assert.True(side.X >= 0 && side.X + side.Width <= Width, $"the side panel spans {side.X}..{side.X + side.Width}");
        // Nothing in the side panel is wider than the screen.
        var overflowing = await page.EvaluateAsync<string[]>(
            $"() => [...document.querySelectorAll('.velib-side *')].filter(e => e.getBoundingClientRect().right > {Width} + 0.5).map(e => e.id || e.className.toString())");
        Assert.True(overflowing.Length == 0, "wider than the screen: " + string.Join(", ", overflowing));

        // The search works with a thumb: type a number and the results show on the screen.
        await search.FillAsync("1");
        await Assertions.Expect(page.Locator("#search-results button[data-id]").First).ToBeInViewportAsync(new() { Timeout = 15_000 });
        await search.FillAsync("");

        var shot = Path.Combine(BrowserFixture.Screenshots, "phone.png");
        await page.ScreenshotAsync(new() { Path = shot });
        output.WriteLine($"screenshot {shot}");
    }

    private static Task<string> Rgb(IPage page, string color) =>
        page.EvaluateAsync<string>("c => { const e = document.createElement('i'); e.style.color = c; document.body.append(e); const v = getComputedStyle(e).color; e.remove(); return v; }", color);
}
