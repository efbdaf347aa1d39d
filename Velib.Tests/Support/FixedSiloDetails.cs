using System.Net;
using Orleans.Runtime;

namespace Velib.Tests.Support;

/// <summary>A silo's own address, for services that read only that.</summary>
public sealed class FixedSiloDetails(int port) : ILocalSiloDetails
{
    public string Name => "silo";

    public string ClusterId => "test";

    public string DnsHostName => "localhost";

    public SiloAddress SiloAddress { get; } = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, port), 1);

    public SiloAddress GatewayAddress => SiloAddress;
}
