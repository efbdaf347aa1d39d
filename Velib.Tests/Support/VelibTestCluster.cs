using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.TestingHost;

namespace Velib.Tests.Support;

/// <summary>An in-process Orleans cluster running the real Velib grains with the given settings.</summary>
public static class VelibTestCluster
{
    public static async Task<InProcessTestCluster> StartAsync(IDictionary<string, string?> settings, Microsoft.Extensions.Logging.ILoggerProvider? logs = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorageAsDefault().UseInMemoryReminderService();
            silo.Services.AddVelibSiloServices(configuration);
            if (logs is not null) silo.Services.AddLogging(l => l.AddProvider(logs));
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    /// <summary>
    /// Settings for the live mode against <paramref name="url"/>, with a fresh spool folder and, unless
    /// <paramref name="s3"/> is given, an S3 endpoint that refuses connections.
    /// </summary>
    public static Dictionary<string, string?> Live(string url, S3rverProcess? s3 = null, string? spool = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Velib:Feed:Mode"] = "live",
            ["Velib:Feed:Url"] = url,
            ["Velib:Feed:RequestTimeout"] = "00:00:05",
            ["Velib:Archive:SpoolDirectory"] = spool ?? NewSpool(),
            ["Velib:S3:ServiceUrl"] = "http://127.0.0.1:9",
            ["Velib:S3:ForcePathStyle"] = "true",
        };
        foreach (var (key, value) in s3?.Settings() ?? [])
        {
            settings[key] = value;
        }
        return settings;
    }

    public static string NewSpool() => Path.Combine(Path.GetTempPath(), "velib-spool-" + Guid.NewGuid().ToString("N"));
}
