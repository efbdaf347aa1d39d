using Velib.Tests.Support;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Velib.Tests.Integration;

/// <summary>
/// Every static asset the web maps (its build's static web assets endpoints manifest, the one MapStaticAssets reads),
/// served by MapStaticAssets over real HTTP to a client that accepts Brotli and gzip. MudBlazor's CSS (613 KB) once
/// went out uncompressed at the fingerprinted URL the page links; this is what would have caught it.
/// </summary>
[Integration]
public sealed class StaticAssetCompressionTests
{
    // PNG is deflate inside: gzip -9 shrank the web's nine PNGs by 0-10 % (two grew), so the SDK leaves them as they
    // are. Any other type, a new one included, must come compressed or be added here with the same kind of evidence.
    private static readonly string[] AlreadyCompressed = [".png"];

    [Fact]
    public async Task Every_static_asset_is_served_compressed_to_a_client_that_accepts_brotli_or_gzip()
    {
        var manifest = Path.Combine(AppContext.BaseDirectory, "Velib.Web.staticwebassets.endpoints.json");
        Assert.True(File.Exists(manifest), $"no endpoints manifest of the web at {manifest}: is Velib.Web referenced and built?");
        var routes = Routes(manifest).Where(r => !AlreadyCompressed.Contains(Path.GetExtension(r))).ToArray();
        Assert.Contains("_content/MudBlazor/MudBlazor.min.css", routes); // the manifest is the web's, with its packages

        await using var app = await StartAsync(manifest);
        using var client = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None })
            { BaseAddress = new Uri(app.Urls.First()) };
        var uncompressed = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(routes, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (route, ct) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/" + route);
            request.Headers.TryAddWithoutValidation("Accept-Encoding", "br, gzip");
            using var response = await client.SendAsync(request, ct);
            await response.Content.CopyToAsync(Stream.Null, ct);
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentEncoding.Count == 0)
                uncompressed.Add($"{route} ({(int)response.StatusCode}, {response.Content.Headers.ContentLength} B)");
        });

        Assert.True(uncompressed.IsEmpty, $"{uncompressed.Count} of {routes.Length} static assets came without Content-Encoding:\n" + string.Join("\n", uncompressed.Order()));
    }

    private static string[] Routes(string manifest)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(manifest));
        return json.RootElement.GetProperty("Endpoints").EnumerateArray()
            .Select(e => e.GetProperty("Route").GetString()!).Distinct().Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The web's static assets as Program.cs maps them, without the cluster the rest of the web needs.</summary>
    private static async Task<WebApplication> StartAsync(string manifest)
    {
        // ApplicationName finds the web's runtime manifest (where each asset's file lies: wwwroot, obj/compressed, the
        // NuGet cache) beside its assembly; Production serves the files as they are, as the published web does.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = "Velib.Web", EnvironmentName = Environments.Production, ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseStaticWebAssets();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapStaticAssets(manifest);
        await app.StartAsync();
        return app;
    }
}
