using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Velib.Tests.Support;

/// <summary>
/// A real HTTP server on loopback serving recorded GBFS documents (gzip when asked), whose current
/// snapshot and failure mode a test can change between polls.
/// </summary>
public sealed class RecordedFeedServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RecordedFeedServer(WebApplication app, byte[] information, byte[] status)
    {
        _app = app;
        Information = information;
        Status = status;
    }

    public string DiscoveryUrl { get; private set; } = "";

    public byte[] Information { get; set; }

    public byte[] Status { get; set; }

    public FeedFault Fault { get; set; }

    public int StatusRequests;

    public static async Task<RecordedFeedServer> StartAsync(byte[] information, byte[] status)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddResponseCompression();
        var app = builder.Build();
        var server = new RecordedFeedServer(app, information, status);
        app.UseResponseCompression();
        app.MapGet("/gbfs.json", (HttpContext ctx) => Results.Text(server.Discovery(ctx), "application/json"));
        app.MapGet("/station_information.json", () => Results.Bytes(server.Information, "application/json"));
        app.MapGet("/station_status.json", server.ServeStatus);
        await app.StartAsync();
        server.DiscoveryUrl = app.Urls.First() + "/gbfs.json";
        return server;
    }

    /// <summary>Vélib's discovery shape: feeds per language, absolute URLs.</summary>
    private string Discovery(HttpContext ctx)
    {
        var root = $"{ctx.Request.Scheme}://{ctx.Request.Host}";
        return $$$$"""
            {"lastUpdatedOther":1760778556,"ttl":3600,"data":{"en":{"feeds":[
              {"name":"system_information","url":"{{{{root}}}}/system_information.json"},
              {"name":"station_information","url":"{{{{root}}}}/station_information.json"},
              {"name":"station_status","url":"{{{{root}}}}/station_status.json"}]}}}
            """;
    }

    private async Task ServeStatus(HttpContext ctx)
    {
        Interlocked.Increment(ref StatusRequests);
        var body = Status;
        switch (Fault)
        {
            case FeedFault.ServerError:
                ctx.Response.StatusCode = 500;
                await ctx.Response.WriteAsync("boom");
                return;
            case FeedFault.Garbage:
                body = Encoding.UTF8.GetBytes("<html><body>Service unavailable</body></html>");
                break;
            case FeedFault.TruncatedBody:
                body = body[..(body.Length / 2)];
                break;
            case FeedFault.BrokenTransfer:
                ctx.Response.ContentLength = body.Length;
                await ctx.Response.Body.WriteAsync(body.AsMemory(0, body.Length / 2));
                await ctx.Response.Body.FlushAsync();
                ctx.Abort();
                return;
        }
        ctx.Response.ContentType = "application/json";
        await ctx.Response.Body.WriteAsync(body);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
