using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.TestingHost;
using StackExchange.Redis;
using Velib.Silo;
using Velib.ServiceDefaults;
using Velib.AppHost.Launch;

namespace Velib.Tests.Support;

/// <summary>
/// An in-process Orleans cluster running the real Velib grains with the given settings, with in-memory grain
/// storage and reminders (or, with <c>stateInStore</c>, both in the store as in the app), and a real Garnet store
/// for the archive spool (its own, unless one is shared).
/// </summary>
public sealed class VelibTestCluster : IAsyncDisposable
{
    private readonly bool _ownsStore;

    private VelibTestCluster(InProcessTestCluster cluster, TestStore store, bool ownsStore)
    {
        Cluster = cluster;
        Store = store;
        _ownsStore = ownsStore;
    }

    public InProcessTestCluster Cluster { get; }

    public IClusterClient Client => Cluster.Client;

    public TestStore Store { get; }

    public static async Task<VelibTestCluster> StartAsync(IDictionary<string, string?> settings, ILoggerProvider? logs = null,
        TestStore? store = null, TimeProvider? time = null, Action<IHostApplicationBuilder>? host = null, bool stateInStore = false, string? serviceId = null,
        string? storeConnection = null, Action<IServiceCollection>? services = null)
    {
        var ownsStore = store is null;
        store ??= new TestStore();
        // A store in a process of its own (StoreProcess) instead of the test's in-process one.
        var connection = storeConnection ?? store.ConnectionString;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 1);
        // No log files in the working folder (they used to land in the repository); tests that need logs pass a provider.
        builder.Options.ConfigureFileLogging = false;
        // The store's keys start with the service id: a second cluster on the same store must share it.
        if (serviceId is not null) builder.Options.ServiceId = serviceId;
        builder.ConfigureSilo((_, silo) =>
        {
            if (stateInStore)
            {
                // As the app runs: grain state and reminders in the store, through Orleans' Redis providers.
                silo.AddRedisGrainStorageAsDefault(o => o.ConfigurationOptions = ConfigurationOptions.Parse(connection))
                    .UseRedisReminderService(o => o.ConfigurationOptions = ConfigurationOptions.Parse(connection));
            }
            else
            {
                silo.AddMemoryGrainStorageAsDefault().UseInMemoryReminderService();
            }
            silo.AddVelibStateFormat();
            silo.Services.AddVelibSiloServices(configuration);
            silo.Services.AddVelibStore(connection);
            // Only the feed's world runs on the test's clock; the Orleans runtime keeps real time.
            if (time is not null) silo.Services.AddSingleton(new Velib.Silo.Feed.FeedClock(time));
            if (logs is not null) silo.Services.AddLogging(l => l.AddProvider(logs));
            // Grain-call spans, as Aspire turns them on in the app (Orleans__EnableDistributedTracing).
            if (host is not null) silo.AddActivityPropagation();
            // Last, so that a test's replacements win over the app's registrations.
            services?.Invoke(silo.Services);
        });
        if (host is not null) builder.ConfigureSiloHost((_, h) => host(h));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new VelibTestCluster(cluster, store, ownsStore);
    }

    /// <summary>Settings for the live mode against <paramref name="url"/> with, unless <paramref name="s3"/> is given, an S3 endpoint that refuses connections.</summary>
    public static Dictionary<string, string?> Live(string url, S3rverProcess? s3 = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Velib:Feed:Mode"] = "live",
            ["Velib:Feed:Url"] = url,
            ["Velib:Feed:RequestTimeout"] = "00:00:05",
            ["Velib:S3:ServiceUrl"] = "http://127.0.0.1:9",
            ["Velib:S3:ForcePathStyle"] = "true",
        };
        foreach (var (key, value) in s3?.Settings() ?? [])
        {
            settings[key] = value;
        }
        return settings;
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        if (_ownsStore) Store.Dispose();
    }
}
