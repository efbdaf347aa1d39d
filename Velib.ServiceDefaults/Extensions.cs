using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Velib.ServiceDefaults;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Cross-cutting defaults shared by every Velib process: OpenTelemetry (with Orleans and Velib sources),
/// health checks, service discovery and HTTP resilience.
/// </summary>
public static class Extensions
{
    /// <summary>The name of the app's own <c>ActivitySource</c> and <c>Meter</c>.</summary>
    public const string VelibTelemetryName = "Velib";

    /// <summary>Readiness: every check (Kubernetes probes and the AppHost read it).</summary>
    public const string HealthEndpointPath = "/health";
    /// <summary>Liveness: the process answers.</summary>
    public const string AlivenessEndpointPath = "/alive";
    private const string BlazorPath = "/_blazor";

    /// <summary>Adds telemetry, health checks, service discovery and resilient HTTP clients.</summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });
        // The OTLP exporter's own HttpClient gets the resilience handler too; at Information Polly
        // would log every export, burying the app's logs.
        builder.Logging.AddFilter("Polly", LogLevel.Warning);
        return builder;
    }

    /// <summary>Logs, metrics and traces, exported over OTLP when the AppHost provides an endpoint.</summary>
    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Microsoft.Orleans")
                .AddMeter(VelibTelemetryName))
            .WithTracing(tracing => tracing
                .AddProcessor(new FrameworkNoiseFilter())
                .AddSource(VelibTelemetryName)
                .AddSource("Microsoft.Orleans.Application")
                .AddSource("Microsoft.Orleans.Runtime")
                .AddAspNetCoreInstrumentation(aspnet =>
                {
                    // A Blazor circuit is a SignalR connection: its hub calls (a render acknowledgement every
                    // second) and its /_blazor requests are transport, not requests a user made.
                    aspnet.EnableAspNetCoreSignalRSupport = false;
                    aspnet.Filter = context =>
                        !context.Request.Path.StartsWithSegments(HealthEndpointPath)
                        && !context.Request.Path.StartsWithSegments(AlivenessEndpointPath)
                        && !context.Request.Path.StartsWithSegments(BlazorPath);
                })
                .AddHttpClientInstrumentation(http => http.FilterHttpRequestMessage = request =>
                    // Exports to the dashboard are not app traffic.
                    request.RequestUri?.AbsolutePath.StartsWith("/v1/", StringComparison.Ordinal) != true));

        // Registered before Orleans, which otherwise takes DistributedContextPropagator.Current.
        builder.Services.AddSingleton<System.Diagnostics.DistributedContextPropagator>(
            new RecordedOnlyPropagator(System.Diagnostics.DistributedContextPropagator.CreateDefaultPropagator()));

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>Adds the liveness check that <c>/alive</c> reports.</summary>
    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);
        return builder;
    }

    /// <summary>Maps <c>/health</c> (all checks) and <c>/alive</c> (liveness only).</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        // JSON with the reasons, so that the AppHost can show Degraded (which is still HTTP 200) and why.
        app.MapHealthChecks(HealthEndpointPath, new HealthCheckOptions { ResponseWriter = HealthJson.WriteAsync });
        app.MapHealthChecks(AlivenessEndpointPath, new HealthCheckOptions { Predicate = r => r.Tags.Contains("live") });
        return app;
    }
}
