using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;

namespace Velib.Tests.Support;

/// <summary>
/// Velib.Store as a process of its own (its build beside the tests), started with the AppHost's command line
/// (<see cref="GarnetArguments"/>) on a data folder, so that it can be killed (SIGKILL) as a crash would, and
/// what it prints about its recovery can be read.
/// </summary>
public sealed class StoreProcess : IDisposable
{
    private readonly string[] _arguments;
    private Process? _process;

    public StoreProcess(string dataDirectory, string memorySize = "64m", string maxAofSize = "256m", string pageSize = "1m")
    {
        DataDirectory = dataDirectory;
        Port = Ports.Free();
        _arguments = GarnetArguments.For(Port, dataDirectory, memorySize, maxAofSize, pageSize);
    }

    public int Port { get; }

    public string DataDirectory { get; }

    public string ConnectionString => $"127.0.0.1:{Port},abortConnect=false,allowAdmin=true";

    /// <summary>Everything the store printed since it was last started.</summary>
    public ConcurrentQueue<string> Output { get; private set; } = new();

    /// <summary>Starts the store and waits until it has printed what its recovery replayed (it then accepts connections).</summary>
    public async Task StartAsync()
    {
        var dll = Path.Combine(RepoPaths.Root, "Velib.Store", "bin", Configuration, "net10.0", "Velib.Store.dll");
        Assert.True(File.Exists(dll), $"Velib.Store is not built at {dll}");
        Directory.CreateDirectory(DataDirectory);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var a in _arguments) start.ArgumentList.Add(a);
        start.Environment["STORE_SHUTDOWN_GRACE_SECONDS"] = "0";
        Output = new ConcurrentQueue<string>();
        var output = Output;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        var waited = Stopwatch.StartNew();
        while (!output.Any(l => l.StartsWith("Velib store recovery:", StringComparison.Ordinal)))
        {
            Assert.False(process.HasExited, $"the store exited ({(process.HasExited ? process.ExitCode : 0)}): {string.Join('\n', output)}");
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), $"the store did not report its recovery within 60 s: {string.Join('\n', output)}");
            await Task.Delay(50);
        }
    }

    /// <summary>SIGTERM, as the AppHost stops it: the AOF's tail committed, then exit.</summary>
    public Task StopAsync() => SignalAsync("TERM");

    /// <summary>SIGKILL: a crash, with no chance to commit anything.</summary>
    public Task KillAsync() => SignalAsync("KILL");

    private async Task SignalAsync(string signal)
    {
        if (_process is null) return;
        using (var kill = Process.Start("kill", [$"-{signal}", _process.Id.ToString(CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        _process.Dispose();
        _process = null;
    }

    public void Dispose()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            _process.WaitForExit(10_000);
        }
        _process?.Dispose();
    }

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif
}
