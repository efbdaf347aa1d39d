using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Velib.Silo.Archive;

namespace Velib.Benchmarks.Lake;

/// <summary>
/// A private s3rver (the AppHost's own start script) on a free port with a throw-away data folder, so the benchmark
/// reads the lake through the same S3 client and server the local app uses, and never touches a dev instance's bucket.
/// </summary>
internal sealed class LocalS3 : IAsyncDisposable
{
    private readonly string _folder;
    private readonly int _port;
    private readonly string _dataDir;
    private Process _process = null!;

    private LocalS3(string folder, int port, string dataDir, S3Options options)
    {
        _folder = folder;
        _port = port;
        _dataDir = dataDir;
        Options = options;
    }

    public S3Options Options { get; }

    /// <summary>Where s3rver keeps the objects: one file each, so its size is the lake's size on disk.</summary>
    public string DataDir => _dataDir;

    public static async Task<LocalS3> StartAsync(string root)
    {
        var port = FreePort();
        using var settings = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(root, "Velib.AppHost", "appsettings.json")));
        var parameters = settings.RootElement.GetProperty("Parameters");
        var options = new S3Options
        {
            ServiceUrl = $"http://127.0.0.1:{port}", ForcePathStyle = true, Bucket = Velib.Contracts.Archive.ArchiveDefaults.Bucket,
            AccessKey = parameters.GetProperty("local-s3-access-key").GetString(), SecretKey = parameters.GetProperty("local-s3-secret-key").GetString(),
        };
        var folder = Path.Combine(root, "Velib.AppHost", "s3rver");
        if (!Directory.Exists(Path.Combine(folder, "node_modules"))) throw new InvalidOperationException($"Run 'npm ci' in {folder} first.");
        var dataDir = Path.Combine(Path.GetTempPath(), "velib-lake-bench-" + Guid.NewGuid().ToString("N"));
        var s3 = new LocalS3(folder, port, dataDir, options);
        await s3.RestartAsync();
        return s3;
    }

    /// <summary>An outage: the server is killed, so every request is refused until <see cref="RestartAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>Starts the server (again) on the same port and objects.</summary>
    public async Task RestartAsync()
    {
        var start = new ProcessStartInfo("node", "start.js") { WorkingDirectory = _folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["S3_PORT"] = _port.ToString(CultureInfo.InvariantCulture);
        start.Environment["S3_BUCKETS"] = Options.Bucket;
        start.Environment["S3_DATA_DIR"] = _dataDir;
        _process?.Dispose();
        _process = Process.Start(start)!;
        await WaitListeningAsync(_port);
    }

    /// <summary>The app's own S3 client and store, pointed at this server.</summary>
    public S3ArchiveStore Store() => new(S3ClientFactory.Create(Options), Microsoft.Extensions.Options.Options.Create(Options));

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        if (Directory.Exists(_dataDir)) Directory.Delete(_dataDir, recursive: true);
    }

    private async Task WaitListeningAsync(int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                using var tcp = new TcpClient();
                await tcp.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
