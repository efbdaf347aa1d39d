using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Garnet;
using StackExchange.Redis;

namespace Velib.Benchmarks.Lake;

/// <summary>
/// An empty Garnet in this process, started with the options the AppHost gives Velib.Store (without the AOF): the
/// lake reader peeks the archive spool on every read, so the benchmark pays those two round trips as the silo does.
/// </summary>
internal sealed class LocalStore : IDisposable
{
    private readonly GarnetServer _server;
    private readonly ConnectionMultiplexer _connection;

    /// <param name="memory">Garnet's log memory: enough to keep every key in memory, as the AppHost's store does.</param>
    public LocalStore(string memory = "64m")
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        _server = new GarnetServer(["--bind", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture),
            "-m", memory, "-i", "16m", "--lua", "--lua-transaction-mode", "--device-type", "RandomAccess"]);
        _server.Start();
        ConnectionString = $"127.0.0.1:{port},abortConnect=false";
        _connection = ConnectionMultiplexer.Connect(ConnectionString);
    }

    public IDatabase Database => _connection.GetDatabase();

    public string ConnectionString { get; }

    public void Dispose()
    {
        _connection.Dispose();
        _server.Dispose();
    }
}
