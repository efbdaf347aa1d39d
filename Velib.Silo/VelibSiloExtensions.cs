using Velib.Contracts.Systems;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Velib.Contracts.Feed;
using Velib.Silo.Archive;
using Velib.Silo.Feed;
using Velib.Silo.Ingestion;
using Orleans.Storage;
using Velib.Silo.Storage;
using Velib.Silo.Telemetry;
using Velib.Silo.Lake;
using Velib.ServiceDefaults;

namespace Velib.Silo;

/// <summary>Registers the silo's services: options, the feed client and telemetry.</summary>
public static class VelibSiloExtensions
{
    /// <summary>Binds and validates settings at start, and registers the feed's services.</summary>
    public static IHostApplicationBuilder AddVelibSilo(this IHostApplicationBuilder builder)
    {
        builder.Services.AddVelibSiloServices(builder.Configuration);
        builder.Services.AddVelibStore();
        builder.Services.AddHostedService<IngestionWatchdog>();
        builder.Services.AddSingleton<StoreWatch>().AddHostedService(sp => sp.GetRequiredService<StoreWatch>());
        builder.Services.AddHealthChecks().AddCheck<Velib.Silo.Health.ClusterHealthCheck>("velib")
            .AddCheck<Velib.Silo.Health.AdvertisedAddressCheck>("advertised-address");
        builder.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, Velib.Silo.Health.AdvertisedAddressGuard>();
        builder.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, Velib.Silo.Storage.StoreGate>();
        return builder;
    }

    /// <summary>The same services, for hosts that are not a <see cref="IHostApplicationBuilder"/> (test clusters).</summary>
    public static IServiceCollection AddVelibSiloServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FeedOptions>().Bind(configuration.GetSection(FeedOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ArchiveOptions>().Bind(configuration.GetSection(ArchiveOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StoreOptions>().Bind(configuration.GetSection(StoreOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<S3Options>().Bind(configuration.GetSection(S3Options.Section)).ValidateDataAnnotations().ValidateOnStart();
        // The runtime's clock; Velib's code reads FeedClock, built on it unless a test supplied its own.
        services.AddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new FeedClock(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<FeedMetrics>();
        services.AddSingleton<FeedSourceFactory>();
        services.AddSingleton<Velib.Silo.Stations.RecentChanges>();
        services.AddSingleton<IngestionLease>();
        services.AddSingleton<SiloStanding>();
        services.AddSingleton<ArchiveMetrics>();
        services.AddSingleton(sp => S3ClientFactory.Create(sp.GetRequiredService<IOptions<S3Options>>().Value));
        services.AddSingleton<S3ArchiveStore>();
        services.AddSingleton<ILakeWriter>(sp => sp.GetRequiredService<S3ArchiveStore>());
        services.AddHostedService<ArchiveBucketCheck>();
        services.AddVelibLake();
        // The feed is polled again at the next interval anyway: one quick retry and the operator's timeout,
        // instead of the default pipeline's three retries with growing delays.
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is marked experimental; it is the documented way to replace the defaults.
        var resilience = services.AddHttpClient<GbfsClient>((sp, http) =>
                http.Timeout = sp.GetRequiredService<IOptions<FeedOptions>>().Value.RequestTimeout * 3)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AutomaticDecompression = System.Net.DecompressionMethods.All })
            .RemoveAllResilienceHandlers()
            .AddStandardResilienceHandler();
#pragma warning restore EXTEXP0001
        services.AddOptions<HttpStandardResilienceOptions>(resilience.PipelineName).Configure<IOptions<FeedOptions>>((o, feed) =>
        {
            var timeout = feed.Value.RequestTimeout;
            o.Retry.MaxRetryAttempts = 1;
            o.Retry.Delay = TimeSpan.FromMilliseconds(500);
            o.AttemptTimeout.Timeout = timeout;
            o.TotalRequestTimeout.Timeout = 2 * timeout + TimeSpan.FromSeconds(1);
            o.CircuitBreaker.SamplingDuration = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(30).Ticks, 2 * timeout.Ticks));
        });
        return services;
    }

    /// <summary>
    /// Grain state in Orleans' binary format, still reading the JSON of earlier versions until its removal step
    /// (see <see cref="VelibStorageSerializer"/>). On the silo builder, so that it comes after Orleans' own default.
    /// </summary>
    public static ISiloBuilder AddVelibStateFormat(this ISiloBuilder silo)
    {
        silo.Services.AddSingleton<IGrainStorageSerializer>(sp => new VelibStorageSerializer(
            ActivatorUtilities.CreateInstance<OrleansGrainStorageSerializer>(sp), ActivatorUtilities.CreateInstance<JsonGrainStorageSerializer>(sp)));
        return silo;
    }

    /// <summary>Starts the ingestion grain (and through it the archive's reminder) when a silo is up. Idempotent.</summary>
    public static ISiloBuilder AddVelibStartup(this ISiloBuilder silo) =>
        silo.AddStartupTask((services, _) => services.GetRequiredService<IGrainFactory>().GetGrain<IFeedIngestionGrain>(SystemId.Velib.Value).Start());
}
