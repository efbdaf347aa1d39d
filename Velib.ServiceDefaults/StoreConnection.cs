using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The connection to the store (<c>ConnectionStrings:store</c>): Garnet locally, any Redis-compatible service
/// elsewhere. Orleans' Redis providers look it up as a keyed service under <see cref="Name"/>.
/// </summary>
public static class StoreConnection
{
    /// <summary>The resource and connection string name, and the service key.</summary>
    public const string Name = "store";

    /// <summary>Registers the shared multiplexer, from configuration or from <paramref name="connectionString"/>.</summary>
    public static IServiceCollection AddVelibStore(this IServiceCollection services, string? connectionString = null) =>
        services.AddKeyedSingleton<IConnectionMultiplexer>(Name, (sp, _) =>
        {
            var text = connectionString ?? sp.GetRequiredService<IConfiguration>().GetConnectionString(Name)
                ?? throw new InvalidOperationException($"ConnectionStrings:{Name} is not set: the cluster needs its store (the AppHost sets it).");
            var options = ConfigurationOptions.Parse(text);
            // Keep retrying instead of failing: the store may start after us, or come back after an outage.
            options.AbortOnConnectFail = false;
            return ConnectionMultiplexer.Connect(options);
        });

    /// <summary>The store's endpoints for people to read: host and port only, never a password.</summary>
    public static string Describe(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString)) return "(not configured)";
        try
        {
            return string.Join(",", ConfigurationOptions.Parse(connectionString).EndPoints.Select(e => e switch
            {
                System.Net.DnsEndPoint d => $"{d.Host}:{d.Port}",
                _ => e.ToString() ?? "",
            }));
        }
        catch (ArgumentException)
        {
            return "(invalid)";
        }
    }
}
