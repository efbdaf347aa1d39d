using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Velib.ServiceDefaults;
using StackExchange.Redis;

namespace Velib.Store.Launch;

/// <summary>
/// Velib.Store as a process of its own, started with the AppHost's command line (<see cref="GarnetArguments"/>) on a
/// data folder: for the tests and benchmarks that kill it as a crash would, restart it on the same folder, read what
/// it prints about its recovery, or measure its memory apart from the silo's. Not part of the store: the tests and
/// the benchmarks compile this file in (linked), with the store built beside them in the same configuration.
/// </summary>
internal sealed class StoreProcess : IDisposable, IAsyncDisposable
{
    private readonly string _dll;
    private Process? _process;
    private ConnectionMultiplexer? _admin;

    public StoreProcess(string dataDirectory, string memorySize = GarnetArguments.DefaultMemorySize,
        string maxAofSize = GarnetArguments.DefaultMaxAofSize, string pageSize = "16m")
    {
        _dll = Dll();
        DataDirectory = dataDirectory;
        using (var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            listener.Start();
            Port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        }
        Arguments = GarnetArguments.For(Port, dataDirectory, memorySize, maxAofSize, pageSize);
    }

    /// <summary>The store's build in this process's configuration (Debug or Release).</summary>
    public static string Dll()
    {
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = Path.Combine(RepositoryRoot(), "Velib.Store", "bin", configuration, "net10.0", "Velib.Store.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build Velib.Store ({configuration}) first.", dll);
    }

    public int Port { get; }

    public string DataDirectory { get; }

    /// <summary>Garnet's command line, exactly as the AppHost builds it (on a free port).</summary>
    public string[] Arguments { get; }

    /// <summary>The app's client defaults (a 5 s timeout), as the silos meet the store.</summary>
    public string ConnectionString => $"127.0.0.1:{Port},abortConnect=false,allowAdmin=true";

    /// <summary>Everything the store printed since it was last started.</summary>
    public ConcurrentQueue<string> Output { get; private set; } = new();

    /// <summary>A connection of its own, for reading what the app wrote and the store's counters.</summary>
    public IDatabase Database => _admin!.GetDatabase();

    /// <summary>
    /// Starts the store and waits until it has printed what its recovery replayed (Garnet recovers its checkpoint and
    /// AOF before it listens), then connects. Returns how long that took.
    /// </summary>
    public async Task<TimeSpan> StartAsync()
    {
        Directory.CreateDirectory(DataDirectory);
        var started = Stopwatch.StartNew();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(_dll);
        foreach (var a in Arguments) start.ArgumentList.Add(a);
        // Stopped on purpose, when nothing uses it any more: no grace period to wait out.
        start.Environment["STORE_SHUTDOWN_GRACE_SECONDS"] = "0";
        // The GC the AppHost's store runs with (workstation), whatever this process was started with.
        start.Environment.Remove("DOTNET_gcServer");
        var output = Output = new ConcurrentQueue<string>();
        var process = _process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        while (!output.Any(l => l.StartsWith("Velib store recovery:", StringComparison.Ordinal)))
        {
            if (process.HasExited) throw new InvalidOperationException($"The store exited ({process.ExitCode}): {string.Join('\n', output)}");
            if (started.Elapsed > TimeSpan.FromMinutes(5)) throw new TimeoutException($"The store did not report its recovery within 5 min: {string.Join('\n', output)}");
            await Task.Delay(20);
        }
        // Patient: a benchmark's reads of a store under load (whole spools, INFO) must not time out.
        _admin = await ConnectionMultiplexer.ConnectAsync(ConnectionString + ",syncTimeout=30000,asyncTimeout=30000");
        await _admin.GetDatabase().PingAsync();
        return started.Elapsed;
    }

    /// <summary>SIGTERM, as the AppHost stops it: the AOF's tail committed, then exit.</summary>
    public Task StopAsync() => SignalAsync("TERM");

    /// <summary>SIGKILL: a crash, with no chance to commit anything.</summary>
    public Task KillAsync() => SignalAsync("KILL");

    /// <summary>The store's resident memory, from the kernel.</summary>
    public long ResidentBytes()
    {
        if (_process is null) return 0;
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    public long FolderBytes() => new DirectoryInfo(DataDirectory).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);

    /// <summary>One section of INFO, as name → value.</summary>
    public async Task<Dictionary<string, string>> InfoAsync(string section)
    {
        var text = (string?)await Database.ExecuteAsync("INFO", section) ?? "";
        return text.Split('\n').Select(l => l.Trim()).Where(l => l.Contains(':', StringComparison.Ordinal) && !l.StartsWith('#'))
            .Select(l => l.Split(':', 2)).GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.First()[1]);
    }

    /// <summary>The AOF's tail and begin addresses: bytes appended since the first start, and where a restart replays from.</summary>
    public async Task<(long Tail, long Begin)> AofAsync()
    {
        var p = await InfoAsync("persistence");
        return (long.Parse(p["TailAddress"], CultureInfo.InvariantCulture), long.Parse(p["BeginAddress"], CultureInfo.InvariantCulture));
    }

    private async Task SignalAsync(string signal)
    {
        _admin?.Dispose();
        _admin = null;
        if (_process is null) return;
        using (var kill = Process.Start("kill", [$"-{signal}", _process.Id.ToString(CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        _process.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false }) await StopAsync();
        Dispose();
    }

    public void Dispose()
    {
        _admin?.Dispose();
        _admin = null;
        if (_process is { HasExited: false })
        {
            _process.Kill();
            _process.WaitForExit(10_000);
        }
        _process?.Dispose();
        _process = null;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Velib.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Velib.sln not found above " + AppContext.BaseDirectory);
    }
}
