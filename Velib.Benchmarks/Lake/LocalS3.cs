using System.Net;
using System.Net.Sockets;
using Velib.AppHost.Launch;
using Velib.Silo.Archive;

namespace Velib.Benchmarks.Lake;

/// <summary>
/// A private s3rver (<see cref="S3rverProcess"/>) on a free port with a throw-away data folder, so the benchmark
/// reads the lake through the same S3 client and server the local app uses, and never touches a dev instance's bucket.
/// </summary>
internal sealed class LocalS3 : IAsyncDisposable
{
    private readonly S3rverProcess _server;

    private LocalS3(S3rverProcess server)
    {
        _server = server;
        Options = new S3Options
        {
            ServiceUrl = server.ServiceUrl, ForcePathStyle = true, Bucket = server.Bucket, AccessKey = server.AccessKey, SecretKey = server.SecretKey,
        };
    }

    public S3Options Options { get; }

    /// <inheritdoc cref="S3rverProcess.DataDir"/>
    public string DataDir => _server.DataDir;

    public static async Task<LocalS3> StartAsync(string root)
    {
        var s3 = new LocalS3(new S3rverProcess(root, FreePort()));
        await s3.RestartAsync();
        return s3;
    }

    /// <summary>An outage: the server is killed, so every request is refused until <see cref="RestartAsync"/>.</summary>
    public Task StopAsync() => _server.StopAsync();

    /// <summary>Starts the server (again) on the same port and objects.</summary>
    public Task RestartAsync() => _server.StartAsync();

    /// <summary>The app's own S3 client and store, pointed at this server.</summary>
    public S3ArchiveStore Store() => new(S3ClientFactory.Create(Options), Microsoft.Extensions.Options.Options.Create(Options));

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
