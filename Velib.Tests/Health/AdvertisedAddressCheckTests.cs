using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Velib.Silo.Health;
using Velib.Tests.Support;

namespace Velib.Tests.Health;

[Unit]
public sealed class AdvertisedAddressCheckTests
{
    [Fact]
    public async Task An_advertised_address_that_is_not_this_hosts_makes_the_silo_unhealthy_with_that_reason()
    {
        // TEST-NET-3 (RFC 5737): never assigned to a real host.
        var result = await Check(IPAddress.Parse("203.0.113.7"), 11111);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("203.0.113.7 is not an address of this host", result.Description);
    }

    [Fact]
    public async Task An_advertised_endpoint_where_nothing_listens_makes_the_silo_unhealthy()
    {
        var port = Velib.Tests.Support.Ports.Free();

        var result = await Check(IPAddress.Loopback, port);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains($"127.0.0.1:{port} does not accept connections", result.Description);
    }

    [Fact]
    public async Task An_advertised_endpoint_that_answers_is_healthy()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();

        var result = await Check(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port);

        Assert.Equal(HealthStatus.Healthy, result.Status);
    }

    private static Task<HealthCheckResult> Check(IPAddress address, int port) =>
        new AdvertisedAddressCheck(Options.Create(new EndpointOptions { AdvertisedIPAddress = address, SiloPort = port }))
            .CheckHealthAsync(new HealthCheckContext());
}
