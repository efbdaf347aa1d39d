using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Velib.Silo.Health;

/// <summary>
/// Unhealthy when the address this silo advertises in the membership table is not one of this host's, or its silo
/// port does not answer there: other silos and the webs would find it in the table and never reach it (a ghost).
/// Orleans' default, the first non-loopback address, is often the wrong one on a host with several networks.
/// </summary>
internal sealed class AdvertisedAddressCheck(IOptions<EndpointOptions> endpoints) : IHealthCheck
{
    private static readonly TimeSpan ConnectLimit = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var options = endpoints.Value;
        if (options.AdvertisedIPAddress is not { } address)
        {
            return HealthCheckResult.Healthy("no advertised address configured: Orleans picks one of this host's");
        }
        var target = $"{address}:{options.SiloPort}";
        if (!IPAddress.IsLoopback(address) && !LocalAddresses().Contains(address))
        {
            return HealthCheckResult.Unhealthy($"advertised address {address} is not an address of this host: no silo or client can reach it (set Orleans__Endpoints__AdvertisedIPAddress)");
        }
        try
        {
            using var tcp = new TcpClient(address.AddressFamily);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(ConnectLimit);
            await tcp.ConnectAsync(address, options.SiloPort, limit.Token);
            return HealthCheckResult.Healthy($"reachable at {target}");
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"advertised silo endpoint {target} does not accept connections: no silo or client can reach this silo");
        }
    }

    internal static HashSet<IPAddress> LocalAddresses() =>
    [
        .. NetworkInterface.GetAllNetworkInterfaces().Where(n => n.OperationalStatus != OperationalStatus.Down)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses).Select(a => a.Address),
    ];
}
