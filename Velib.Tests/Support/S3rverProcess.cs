using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.S3;

namespace Velib.Tests.Support;

/// <summary>
/// The real s3rver (the AppHost's own start script), run by a test: it can be stopped and started again on
/// the same port and data folder to simulate an S3 outage. Credentials come from the AppHost's configuration.
/// </summary>
public sealed class S3rverProcess : IAsyncDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "velib-s3-" + Guid.NewGuid().ToString("N"));
    private Process? _process;

    public S3rverProcess(string bucket = Velib.Contracts.Archive.ArchiveDefaults.Bucket)
    {
        Bucket = bucket;
        Port = Ports.Free();
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "Velib.AppHost", "appsettings.json")));
        var parameters = settings.RootElement.GetProperty("Parameters");
        AccessKey = parameters.GetProperty("local-s3-access-key").GetString()!;
        SecretKey = parameters.GetProperty("local-s3-secret-key").GetString()!;
    }

    public string Bucket { get; }
    public int Port { get; }
    public string ServiceUrl => $"http://127.0.0.1:{Port}";
    public string AccessKey { get; }
    public string SecretKey { get; }

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

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("node", "start.js")
        {
            WorkingDirectory = Path.Combine(RepoPaths.Root, "Velib.AppHost", "s3rver"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["S3_PORT"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["S3_DATA_DIR"] = _dataDir;
        start.Environment["S3_BUCKETS"] = Bucket;
        _process = Process.Start(start)!;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                using var tcp = new TcpClient();
                await tcp.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

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
        if (Directory.Exists(_dataDir)) Directory.Delete(_dataDir, recursive: true);
    }
}
