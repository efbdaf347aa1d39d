using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using StackExchange.Redis;
using Velib.ServiceDefaults;

namespace Velib.Web.Store;

/// <summary>
/// The web's Data Protection keys (antiforgery tokens, cookies) live in the store, not in one process's memory, so
/// that several web processes behind a load balancer accept each other's tokens with no sticky sessions.
/// </summary>
public static class DataProtectionInStore
{
    public const string Key = "velib:web:data-protection-keys";

    public static IServiceCollection AddVelibDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("velib-web");
        services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((o, sp) =>
            o.XmlRepository = new RedisXmlRepository(() => sp.GetRequiredKeyedService<IConnectionMultiplexer>(StoreConnection.Name).GetDatabase(), Key));
        return services;
    }
}
