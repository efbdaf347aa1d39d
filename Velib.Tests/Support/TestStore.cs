using System.Globalization;
using Garnet;

namespace Velib.Tests.Support;

/// <summary>
/// A real Garnet server on a free loopback port, started in the test process with the options the AppHost gives
/// Velib.Store (without the AOF): the store behind the archive spool in grain tests.
/// </summary>
public sealed class TestStore : IDisposable
{
    private readonly GarnetServer _server;

    /// <param name="extra">More Garnet options: a password (see Velib.Store's StoreArguments), TLS.</param>
    public TestStore(params string[] extra)
    {
        Port = Ports.Free();
        _server = new GarnetServer(["--bind", "127.0.0.1", "--port", Port.ToString(CultureInfo.InvariantCulture),
            "-m", "64m", "-i", "16m", "--lua", "--lua-transaction-mode", "--device-type", "RandomAccess", .. extra]);
        _server.Start();
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port},abortConnect=false";

    public void Dispose() => _server.Dispose();
}
