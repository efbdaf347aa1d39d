using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.S3;
using Velib.Contracts.Archive;

namespace Velib.AppHost.Launch;

/// <summary>
/// The real s3rver (the AppHost's own start script, with the key pair of the AppHost's settings) on a port and a
/// throw-away data folder of its own: for the tests and benchmarks that read and write the lake through the same
/// S3 client and server as the local app, and stop and start it again to simulate an outage. Not part of the
/// AppHost, which runs s3rver as a resource: the tests and the benchmarks compile this file in (linked).
/// </summary>
public sealed class S3rverProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(30);
    private readonly string _folder;
    private Process? _process;

    public S3rverProcess(string repositoryRoot, int port, string bucket = ArchiveDefaults.Bucket)
    {
        _folder = Path.Combine(repositoryRoot, "Velib.AppHost", "s3rver");
        Port = port;
        Bucket = bucket;
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(repositoryRoot, "Velib.AppHost", "appsettings.json")));
        var parameters = settings.RootElement.GetProperty("Parameters");
        AccessKey = parameters.GetProperty("local-s3-access-key").GetString()!;
        SecretKey = parameters.GetProperty("local-s3-secret-key").GetString()!;
    }

    public string Bucket { get; }
    public int Port { get; }
    public string ServiceUrl => $"http://127.0.0.1:{Port}";
    public string AccessKey { get; }
    public string SecretKey { get; }

    /// <summary>Where s3rver keeps the objects: one file each, so its size is the lake's size on disk.</summary>
    public string DataDir { get; } = Path.Combine(Path.GetTempPath(), "velib-s3-" + Guid.NewGuid().ToString("N"));

    /// <summary>Silo settings that point the archive at this server.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Velib:S3:ServiceUrl"] = ServiceUrl,
        ["Velib:S3:ForcePathStyle"] = "true",
        ["Velib:S3:Bucket"] = Bucket,
        ["Velib:S3:AccessKey"] = AccessKey,
        ["Velib:S3:SecretKey"] = SecretKey,
    };

    public AmazonS3Client Client() => new(new BasicAWSCredentials(AccessKey, SecretKey),
        new AmazonS3Config { ServiceURL = ServiceUrl, ForcePathStyle = true, AuthenticationRegion = "us-east-1" });

    /// <summary>Starts the server (again, after <see cref="StopAsync"/>) on the same port and objects; returns once it listens.</summary>
    public async Task StartAsync()
    {
        if (!Directory.Exists(Path.Combine(_folder, "node_modules"))) throw new InvalidOperationException($"Run 'npm ci' in {_folder} first.");
        var start = new ProcessStartInfo("node", "start.js") { WorkingDirectory = _folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["S3_PORT"] = Port.ToString(CultureInfo.InvariantCulture);
        start.Environment["S3_DATA_DIR"] = DataDir;
        start.Environment["S3_BUCKETS"] = Bucket;
        _process?.Dispose();
        _process = Process.Start(start)!;
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var tcp = new TcpClient();
                await tcp.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (waited.Elapsed < StartLimit && !_process.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>An outage: the server is killed, so every request is refused until <see cref="StartAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (Directory.Exists(DataDir)) Directory.Delete(DataDir, recursive: true);
    }
}
