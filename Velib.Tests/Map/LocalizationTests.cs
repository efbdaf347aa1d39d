using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.Testing;
using Microsoft.Playwright;
using Velib.Contracts.Stations;
using Velib.Tests.Integration;
using Velib.Tests.Support;

namespace Velib.Tests.Map;

/// <summary>French and English: the page and the API's errors, chosen by Accept-Language, French by default, and the switch wins.</summary>
[Browser]
[Collection(AppHostCollection.Name)]
public sealed class LocalizationTests(AppHostFixture app, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private Uri Web => app.App.GetEndpoint("web", "http");

    private async Task<string> Detail(string? acceptLanguage, string? cookie = null)
    {
        using var http = new HttpClient { BaseAddress = Web };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/stations/not-a-number");
        if (acceptLanguage is not null) request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        if (cookie is not null) request.Headers.Add("Cookie", $".AspNetCore.Culture={Uri.EscapeDataString(cookie)}");
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
    }

    [Fact]
    public async Task An_api_error_is_in_french_by_default_in_english_for_en_us_and_the_switch_wins_over_the_browser()
    {
        Assert.Contains("n'est pas un identifiant de station", await Detail(null));
        Assert.Contains("n'est pas un identifiant de station", await Detail("de-DE"));
        Assert.Contains("is not a station id", await Detail("en-US"));
        Assert.Contains("n'est pas un identifiant de station", await Detail("fr-FR,fr;q=0.9"));
        Assert.Contains("is not a station id", await Detail("fr-FR", cookie: "c=en|uic=en"));
    }

    private async Task<IPage> OpenAsync(IBrowserContext context)
    {
        await AppHostFixture.Eventually(() => app.Web.GetFromJsonAsync<Station[]>("/api/stations")!, s => s!.Length > 0, Patience);
        var page = await context.NewPageAsync();
        await page.GotoAsync(Web.ToString());
        await page.WaitForMarkersAsync();
        return page;
    }

    [SharedDataFact]
    public async Task The_page_speaks_the_browsers_language_and_the_switch_wins_and_is_remembered()
    {
        await using var french = await browser.Browser.NewContextAsync(new() { Locale = "fr-FR" });
        var page = await OpenAsync(french);
        var bikes = int.Parse((await page.GetAttributeAsync("#total-bikes", "data-value"))!, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal("fr", await page.GetAttributeAsync("html", "lang"));
        Assert.Contains("vélos", await page.InnerTextAsync("#totals"));
        // 18 807 with the French group separator (a narrow no-break space), not 18,807.
        Assert.Equal(bikes.ToString("N0", new System.Globalization.CultureInfo("fr-FR")), await page.InnerTextAsync("#total-bikes"));
        await page.WaitForFunctionAsync("() => document.querySelector('#freshness')?.textContent.includes('il y a')", null, new() { Timeout = 15_000 });
        Assert.Contains("Chercher une station", await page.InnerTextAsync(".velib-side"));
        Assert.Contains("Stations près de moi", await page.TextContentAsync("#near-me"));

        await page.ClickAsync("#language-switch a[data-language='en']");
        await page.WaitForFunctionAsync("() => document.documentElement.lang === 'en' && window.velibEarlyMap?.app && Number(document.querySelector('#total-bikes')?.dataset.value) > 0", null, new() { Timeout = 30_000 });
        Assert.Contains("bikes", await page.InnerTextAsync("#totals"));
        await page.ReloadAsync();
        await page.WaitForSelectorAsync("#totals", new() { Timeout = 30_000 });
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.Contains("free docks", await page.InnerTextAsync("#totals"));

        await using var english = await browser.Browser.NewContextAsync(new() { Locale = "en-US" });
        var other = await OpenAsync(english);
        Assert.Equal("en", await other.GetAttributeAsync("html", "lang"));
        await other.WaitForFunctionAsync("() => document.querySelector('#freshness')?.textContent.includes('ago')", null, new() { Timeout = 15_000 });
        Assert.Equal(bikes.ToString("N0", new System.Globalization.CultureInfo("en-US")), await other.InnerTextAsync("#total-bikes"));
    }
}
