using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

namespace Velib.ServiceDefaults;

/// <summary>
/// The connection to the store (<c>ConnectionStrings:store</c>): Garnet locally, any Redis-compatible service
/// elsewhere. Orleans' Redis providers look it up as a keyed service under <see cref="Name"/>.
/// </summary>
public static class StoreConnection
{
    /// <summary>The resource and connection string name, and the service key.</summary>
    public const string Name = "store";

    /// <summary>Registers the shared multiplexer, from configuration or from <paramref name="connectionString"/>.</summary>
    public static IServiceCollection AddVelibStore(this IServiceCollection services, string? connectionString = null)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<StoreConnectionMonitor>();
        services.AddHealthChecks().AddCheck<StoreHealthCheck>(Name, failureStatus: Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded);
        return services.AddKeyedSingleton<IConnectionMultiplexer>(Name, (sp, _) =>
        {
            var text = connectionString ?? sp.GetRequiredService<IConfiguration>().GetConnectionString(Name)
                ?? throw new InvalidOperationException($"ConnectionStrings:{Name} is not set: the cluster needs its store (the AppHost sets it).");
            var options = ConfigurationOptions.Parse(text);
            // Keep retrying instead of failing: the store may start after us, come back after an outage, or be given
            // the right password.
            options.AbortOnConnectFail = false;
            StoreTls.Configure(options, sp.GetRequiredService<IConfiguration>());
            var connection = ConnectionMultiplexer.Connect(options);
            sp.GetRequiredService<StoreConnectionMonitor>().Attach(connection, options);
            return connection;
        });
    }

    /// <summary>One endpoint for people to read: host and port.</summary>
    public static string Describe(System.Net.EndPoint? endpoint) => endpoint switch
    {
        null => "(unknown)",
        System.Net.DnsEndPoint d => $"{d.Host}:{d.Port}",
        _ => endpoint.ToString() ?? "",
    };

    /// <summary>The store's endpoints for people to read: host and port only, never a password.</summary>
    public static string Describe(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString)) return "(not configured)";
        try
        {
            return string.Join(",", ConfigurationOptions.Parse(connectionString).EndPoints.Select(Describe));
        }
        catch (ArgumentException)
        {
            return "(invalid)";
        }
    }

    /// <summary>
    /// The store's eviction policy as it reports it (Redis and Valkey: <c>maxmemory_policy</c> in <c>INFO memory</c>),
    /// or null when it does not say (Garnet, which evicts only without its storage tier) or does not answer within
    /// <paramref name="limit"/>. An external store must report <c>noeviction</c>: it holds the only copy of the
    /// membership, reminders, grain state and the unflushed archive spool.
    /// </summary>
    public static async Task<string?> EvictionPolicyAsync(IConnectionMultiplexer store, TimeSpan limit)
    {
        try
        {
            var info = (string?)await store.GetDatabase().ExecuteAsync("INFO", "memory").WaitAsync(limit);
            return info?.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("maxmemory_policy:", StringComparison.Ordinal))?["maxmemory_policy:".Length..];
        }
        catch (Exception ex) when (ex is TimeoutException or RedisException)
        {
            return null;
        }
    }
}
