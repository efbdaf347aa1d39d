using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Velib.Silo.Health;
using Velib.Tests.Support;

namespace Velib.Tests.Health;

/// <summary>A silo that advertises an address nobody can reach never joins: it stops before the membership table.</summary>
[Unit]
public sealed class AdvertisedAddressGuardTests
{
    private static IHost Silo(IPAddress advertised)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(Ports.Free(), Ports.Free())
            .Configure<EndpointOptions>(o => o.AdvertisedIPAddress = advertised));
        builder.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, AdvertisedAddressGuard>();
        return builder.Build();
    }

    [Fact]
    public async Task A_silo_advertising_an_address_that_is_not_its_hosts_fails_to_start_and_says_why()
    {
        // TEST-NET-3 (RFC 5737): never assigned to a real host.
        using var host = Silo(IPAddress.Parse("203.0.113.7"));
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync(limit.Token));

        Assert.Contains("203.0.113.7 is not an address of this host", error.ToString());
    }

    [Fact]
    public async Task A_silo_advertising_its_own_address_starts()
    {
        using var host = Silo(IPAddress.Loopback);
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        await host.StartAsync(limit.Token);
        await host.StopAsync(limit.Token);
    }
}
