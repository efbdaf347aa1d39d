using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace Velib.Benchmarks.Months;

/// <summary>
/// Velib.Store in a process of its own, started with the command line the AppHost gives it (<see cref="GarnetArguments"/>),
/// so that its resident memory is measured apart from the silo's and it can be stopped and started on the same folder.
/// </summary>
internal sealed class StoreProcess : IAsyncDisposable
{
    private readonly string _dll;
    private Process? _process;
    private ConnectionMultiplexer? _admin;

    public StoreProcess(string root, string dataDirectory)
    {
        // Built beside the benchmarks (a build-only project reference), in the same configuration.
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        _dll = Path.Combine(root, "Velib.Store", "bin", configuration, "net10.0", "Velib.Store.dll");
        if (!File.Exists(_dll)) throw new FileNotFoundException($"Build Velib.Store ({configuration}) first.", _dll);
        DataDirectory = dataDirectory;
        Port = FreePort();
        Arguments = GarnetArguments.For(Port, dataDirectory);
    }

    public int Port { get; }

    /// <summary>Garnet's command line, exactly as the AppHost builds it (on a free port).</summary>
    public string[] Arguments { get; }

    public string DataDirectory { get; }

    public string ConnectionString => $"127.0.0.1:{Port},abortConnect=false,allowAdmin=true,syncTimeout=30000,asyncTimeout=30000";

    /// <summary>Starts the store and waits until it answers a PING (Garnet recovers its checkpoint and AOF before it listens).</summary>
    public async Task<TimeSpan> StartAsync()
    {
        Directory.CreateDirectory(DataDirectory);
        var started = Stopwatch.StartNew();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(_dll);
        foreach (var a in Arguments) start.ArgumentList.Add(a);
        // The benchmark stops the store itself once the silo is gone: no grace period to wait out.
        start.Environment["STORE_SHUTDOWN_GRACE_SECONDS"] = "0";
        // The GC the AppHost's store runs with (workstation), whatever this process was started with (the silo's server GC).
        start.Environment.Remove("DOTNET_gcServer");
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) Log.Enqueue(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Log.Enqueue(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The store exited ({_process.ExitCode}): {string.Join('\n', Log.TakeLast(20))}");
            try
            {
                using var tcp = new TcpClient();
                await tcp.ConnectAsync(IPAddress.Loopback, Port);
                break;
            }
            catch (SocketException) when (started.Elapsed < TimeSpan.FromMinutes(5))
            {
                await Task.Delay(20);
            }
        }
        _admin = await ConnectionMultiplexer.ConnectAsync(ConnectionString);
        await _admin.GetDatabase().PingAsync();
        return started.Elapsed;
    }

    /// <summary>What the store printed (its command line, recovery messages).</summary>
    public ConcurrentQueue<string> Log { get; } = new();

    /// <summary>SIGTERM, as the AppHost stops it: the store commits its AOF's tail and exits.</summary>
    public async Task StopAsync()
    {
        _admin?.Dispose();
        _admin = null;
        if (_process is null) return;
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        _process.Dispose();
        _process = null;
    }

    /// <summary>The store's resident memory, from the kernel.</summary>
    public long ResidentBytes() => _process is null ? 0 : Resident(_process.Id);

    public static long Resident(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>The benchmark's own connection, for reading what the app wrote.</summary>
    public IDatabase Database => _admin!.GetDatabase();

    /// <summary>One section of INFO, as name → value.</summary>
    public async Task<Dictionary<string, string>> InfoAsync(string section)
    {
        var text = (string?)await _admin!.GetDatabase().ExecuteAsync("INFO", section) ?? "";
        return text.Split('\n').Select(l => l.Trim()).Where(l => l.Contains(':', StringComparison.Ordinal) && !l.StartsWith('#'))
            .Select(l => l.Split(':', 2)).GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.First()[1]);
    }

    /// <summary>The AOF's tail and begin addresses: bytes appended since the first start, and where a restart replays from.</summary>
    public async Task<(long Tail, long Begin)> AofAsync()
    {
        var p = await InfoAsync("persistence");
        return (long.Parse(p["TailAddress"], CultureInfo.InvariantCulture), long.Parse(p["BeginAddress"], CultureInfo.InvariantCulture));
    }

    public long FolderBytes() => new DirectoryInfo(DataDirectory).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false }) await StopAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
