using System.Net;
using System.Net.Sockets;

namespace Velib.Tests.Support;

public static class Ports
{
    /// <summary>
    /// A loopback port that was free a moment ago, below the kernel's ephemeral range (32768 and up on Linux). A port
    /// handed out for port 0 comes from that range, where the test run's own outgoing connections can take it again
    /// before the server binds it (s3rver then died with EADDRINUSE and the AppHost never started).
    /// </summary>
    public static int Free()
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = Random.Shared.Next(20_000, 32_000);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException) when (attempt < 200)
            {
                // Taken: try another.
            }
        }
    }
}
