using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.TestingHost;

namespace Velib.Tests.Support;

/// <summary>An in-process Orleans cluster running the real Velib grains with the given settings.</summary>
public static class VelibTestCluster
{
    public static async Task<InProcessTestCluster> StartAsync(IDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorageAsDefault().UseInMemoryReminderService();
            silo.Services.AddVelibSiloServices(configuration);
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    /// <summary>Settings for the live mode against <paramref name="url"/>.</summary>
    public static Dictionary<string, string?> Live(string url) => new()
    {
        ["Velib:Feed:Mode"] = "live",
        ["Velib:Feed:Url"] = url,
        ["Velib:Feed:RequestTimeout"] = "00:00:05",
    };
}
