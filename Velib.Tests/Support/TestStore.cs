using System.Globalization;
using Garnet;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;
using Velib.ServiceDefaults;

namespace Velib.Tests.Support;

/// <summary>
/// A real Garnet server on a free loopback port, started in the test process. By default with the options the
/// AppHost gives Velib.Store minus the AOF (the store behind the archive spool in grain tests); with a data folder,
/// exactly as the AppHost starts it (<see cref="GarnetArguments"/>: AOF, checkpoints, storage tier), so that it
/// can be restarted on the same folder.
/// </summary>
public sealed class TestStore : IDisposable
{
    private readonly string[] _arguments;
    private GarnetServer _server;
    private ConnectionMultiplexer? _admin;

    /// <param name="extra">More Garnet options: a password (see Velib.Store's StoreArguments), TLS.</param>
    public TestStore(params string[] extra)
        : this(Ports.Free(), null, ["-m", "64m", "-i", "16m", "--lua", "--lua-transaction-mode", "--device-type", "RandomAccess", .. extra])
    {
    }

    private TestStore(int port, string? dataDirectory, string[] arguments)
    {
        Port = port;
        DataDirectory = dataDirectory;
        _arguments = dataDirectory is null ? ["--bind", "127.0.0.1", "--port", Port.ToString(CultureInfo.InvariantCulture), .. arguments] : arguments;
        _server = new GarnetServer(_arguments);
        _server.Start();
    }

    /// <summary>A store as the AppHost runs it, on <paramref name="dataDirectory"/> (created if needed).</summary>
    public static TestStore Persistent(string dataDirectory, string memorySize = GarnetArguments.DefaultMemorySize,
        string maxAofSize = GarnetArguments.DefaultMaxAofSize, string pageSize = "16m")
    {
        Directory.CreateDirectory(dataDirectory);
        var port = Ports.Free();
        return new TestStore(port, dataDirectory, GarnetArguments.For(port, dataDirectory, memorySize, maxAofSize, pageSize));
    }

    public int Port { get; }

    public string? DataDirectory { get; }

    public string ConnectionString => $"127.0.0.1:{Port},abortConnect=false,allowAdmin=true";

    /// <summary>Stops the server as Velib.Store stops (the AOF's tail committed) and starts it again on the same folder.</summary>
    public async Task RestartAsync()
    {
        _admin?.Dispose();
        _admin = null;
        await _server.Store.CommitAOFAsync(CancellationToken.None);
        _server.Dispose();
        _server = new GarnetServer(_arguments);
        _server.Start();
    }

    /// <summary>One section of the store's INFO, as name → value.</summary>
    public async Task<Dictionary<string, string>> InfoAsync(string section)
    {
        _admin ??= await ConnectionMultiplexer.ConnectAsync(ConnectionString);
        var text = (string?)await _admin.GetDatabase().ExecuteAsync("INFO", section) ?? "";
        return text.Split('\n').Select(l => l.Trim()).Where(l => l.Contains(':', StringComparison.Ordinal) && !l.StartsWith('#'))
            .Select(l => l.Split(':', 2)).GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.First()[1]);
    }

    /// <summary>The AOF's tail: every byte appended since the store's first start, a checkpoint or not.</summary>
    public async Task<long> AofTailAsync() => long.Parse((await InfoAsync("persistence"))["TailAddress"], CultureInfo.InvariantCulture);

    /// <summary>The AOF a restart would replay: from its begin address (moved by checkpoints) to its tail.</summary>
    public async Task<long> AofLengthAsync()
    {
        var p = await InfoAsync("persistence");
        return long.Parse(p["TailAddress"], CultureInfo.InvariantCulture) - long.Parse(p["BeginAddress"], CultureInfo.InvariantCulture);
    }

    /// <summary>Writes <paramref name="bytes"/> of unrelated values, as other tenants of the store would.</summary>
    public async Task FillAsync(string prefix, long bytes, int valueBytes = 8192)
    {
        _admin ??= await ConnectionMultiplexer.ConnectAsync(ConnectionString);
        var db = _admin.GetDatabase();
        var value = new byte[valueBytes];
        Random.Shared.NextBytes(value);
        for (var i = 0L; i * valueBytes < bytes; i += 100)
        {
            await Task.WhenAll(Enumerable.Range(0, 100).Select(j => db.StringSetAsync($"{prefix}:{i + j}", value)));
        }
    }

    /// <summary>When the last checkpoint completed (LASTSAVE).</summary>
    public async Task<DateTimeOffset> LastCheckpointAsync()
    {
        _admin ??= await ConnectionMultiplexer.ConnectAsync(ConnectionString);
        return DateTimeOffset.FromUnixTimeSeconds((long)await _admin.GetDatabase().ExecuteAsync("LASTSAVE"));
    }

    public void Dispose()
    {
        _admin?.Dispose();
        _server.Dispose();
    }
}
