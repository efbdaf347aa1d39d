using System.Net;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Velib.Silo.Health;

/// <summary>
/// Refuses to start a silo whose advertised address is not one of this host's, before it joins the membership
/// table: joined, it would be listed as active while no silo or client could reach it (a ghost), and the others
/// would first have to vote it dead. <see cref="AdvertisedAddressCheck"/> reports the same fault, and an unreachable
/// port, in health once the silo runs.
/// </summary>
internal sealed class AdvertisedAddressGuard(IOptions<EndpointOptions> endpoints) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(AdvertisedAddressGuard), ServiceLifecycleStage.First, _ => Check());

    public Task Check()
    {
        if (endpoints.Value.AdvertisedIPAddress is { } address && !IPAddress.IsLoopback(address)
            && !AdvertisedAddressCheck.LocalAddresses().Contains(address))
        {
            throw new InvalidOperationException($"advertised address {address} is not an address of this host, so no silo or client " +
                "could reach this silo: it does not join the cluster (set Orleans__Endpoints__AdvertisedIPAddress to one of its addresses)");
        }
        return Task.CompletedTask;
    }
}
