using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.TestingHost;
using StackExchange.Redis;
using Velib.Benchmarks.Lake;
using Velib.Silo.Feed;
using Velib.Store.Launch;
using Velib.Silo;
using Velib.ServiceDefaults;

namespace Velib.Benchmarks.Months;

/// <summary>
/// A silo in this process with the app's grains and providers: grain state and reminders in the store through
/// Orleans' Redis providers, the spool and the recent log in the same store, the archive on a private s3rver.
/// Only the feed's world (polls, the simulated city, the stations' 24 h) runs on the benchmark's clock.
/// </summary>
internal static class MonthsSilo
{
    // The AppHost's ServiceId: the keys are the ones the app would read on this data folder.
    private const string ServiceId = "velib";

    public static async Task<InProcessTestCluster> StartAsync(StoreProcess store, LocalS3 s3, TimeProvider feedTime)
    {
        // Longer than the app's 5 s: a month of writes on a shared 2-core machine, measured, not failed on a stall.
        var connection = store.ConnectionString + ",syncTimeout=30000,asyncTimeout=30000";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Velib:Feed:Mode"] = "simulated",
            ["Velib:S3:ServiceUrl"] = s3.Options.ServiceUrl,
            ["Velib:S3:ForcePathStyle"] = "true",
            ["Velib:S3:AccessKey"] = s3.Options.AccessKey,
            ["Velib:S3:SecretKey"] = s3.Options.SecretKey,
        }).Build();
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ConfigureFileLogging = false;
        builder.Options.ServiceId = ServiceId;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddRedisGrainStorageAsDefault(o => o.ConfigurationOptions = ConfigurationOptions.Parse(connection))
                .UseRedisReminderService(o => o.ConfigurationOptions = ConfigurationOptions.Parse(connection))
                .AddVelibStateFormat();
            silo.Services.AddVelibSiloServices(configuration);
            silo.Services.AddVelibStore(connection);
            silo.Services.AddSingleton(new FeedClock(feedTime));
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
