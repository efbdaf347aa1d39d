using MudBlazor.Services;
using Velib.Web.Live;
using Velib.Web.Store;
using Velib.ServiceDefaults;

namespace Velib.Web;

/// <summary>Registers the web front end: the rider's page rendered on the server with MudBlazor (no circuit), and the OpenAPI document of the JSON API.</summary>
public static class VelibWebExtensions
{
    public static IHostApplicationBuilder AddVelibWeb(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents();
        builder.Services.AddMudServices();
        // The page and its fragments are HTML written per request: compressed here (Brotli, else gzip). Static assets
        // and the API's documents come compressed already, and the stream (text/event-stream) compresses itself.
        builder.Services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true; // nothing secret is reflected in these pages (no tokens, no personal data)
            o.MimeTypes = ["text/html"];
            o.Providers.Add<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProvider>();
            o.Providers.Add<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProvider>();
        });
        builder.Services.Configure<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        builder.Services.Configure<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        Velib.Web.Localization.LanguageEndpoints.AddVelibLanguages(builder.Services);
        builder.Services.AddOpenApi();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<Velib.Web.Api.ClusterUnavailableHandler>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddOptions<MapOptions>().Bind(builder.Configuration.GetSection(MapOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<Velib.Web.Live.StreamMetrics>();
        builder.Services.AddSingleton<Velib.Web.Live.StationStream>();
        builder.Services.AddSingleton<Velib.Web.Live.LiveNetwork>();
        builder.Services.AddHostedService<Velib.Web.Live.LiveNetworkService>();
        builder.Services.AddScoped<INetworkView, NetworkView>();
        builder.Services.AddScoped<IArchive, GrainArchive>();
        builder.Services.AddScoped<Velib.Web.Forecast.IForecasts, Velib.Web.Forecast.GrainForecasts>();
        builder.Services.AddSingleton(s =>
        {
            var map = s.GetRequiredService<Microsoft.Extensions.Options.IOptions<MapOptions>>().Value;
            return new MapSettings(map.TileUrl, map.TileAttribution);
        });
        builder.Services.AddOptions<Velib.Web.Gbfs.GbfsOptions>().Bind(builder.Configuration.GetSection(Velib.Web.Gbfs.GbfsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<Velib.Web.Api.ApiOptions>().Bind(builder.Configuration.GetSection(Velib.Web.Api.ApiOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        // A stream holds what its connection's transport pipe buffers until the socket takes it: up to 64 KB by
        // default, and a version is pushed to every stream at once, so bench/riders.sh at 5,000 plain-text streams
        // peaked at +485 MB (2026-12-07). For HTTP/1.1 that bound is the socket transport's, not Kestrel's
        // MaxResponseBufferSize (16 KB before, which changed nothing); the stream writes in slices of the same size.
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets.SocketTransportOptions>(o => o.MaxWriteBufferSize = StationStream.ConnectionBuffer);
        builder.Services.AddHealthChecks().AddCheck<Velib.Web.Health.ClusterReachableCheck>("cluster");
        return builder;
    }
}
