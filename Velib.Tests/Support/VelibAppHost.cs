using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Velib.Contracts.Archive;
using Velib.Silo.Archive;

namespace Velib.Tests.Support;

/// <summary>
/// The real AppHost (DCP, Garnet, s3rver, two silos, web) started through Aspire.Hosting.Testing, with its local
/// state in <see cref="DataDir"/> and its fixed ports (store, S3, web) on free ports, so that it never clashes
/// with another instance.
/// </summary>
public sealed class VelibAppHost : IAsyncDisposable
{
    /// <summary>Every resource that must come up healthy, as the dashboard shows it.</summary>
    public static readonly string[] Resources = ["garnet", "s3", "silo1", "silo2", "web"];

    private VelibAppHost(DistributedApplication app, IConfiguration configuration, string dataDir)
    {
        App = app;
        Configuration = configuration;
        DataDir = dataDir;
        Web = app.CreateHttpClient("web");
        // The tests read English error details; without this header the API answers in French, its default
        // (LocalizationTests checks that with requests of its own).
        Web.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
    }

    public DistributedApplication App { get; }

    public IConfiguration Configuration { get; }

    public string DataDir { get; }

    public HttpClient Web { get; }

    public static async Task<VelibAppHost> StartAsync(string dataDir, IEnumerable<string> args, (int Store, int S3)? ports = null)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var (store, s3) = ports ?? (Ports.Free(), Ports.Free());
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Velib_AppHost>(
            [.. args, $"--Velib:DataDir={dataDir}", $"--Velib:Store:LocalPort={store}", $"--Velib:S3:LocalPort={s3}", $"--Velib:Web:Port={Ports.Free()}"], cts.Token);
        var app = await builder.BuildAsync(cts.Token);
        await app.StartAsync(cts.Token);
        foreach (var resource in Resources)
        {
            // A silo is Degraded, not down, once a recorded feed has not changed for 3 poll intervals.
            await app.ResourceNotifications.WaitForResourceAsync(resource,
                e => e.Snapshot.HealthStatus is HealthStatus.Healthy || resource.StartsWith("silo", StringComparison.Ordinal) && e.Snapshot.HealthStatus is HealthStatus.Degraded,
                cts.Token);
        }
        return new VelibAppHost(app, builder.Configuration, dataDir);
    }

    /// <summary>The process id of a resource, as DCP reports it.</summary>
    public async Task<int> PidOf(string resource)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var update = await App.ResourceNotifications.WaitForResourceAsync(resource,
            e => e.Snapshot.Properties.Any(p => p.Name == "executable.pid" && p.Value is not null), cts.Token);
        return Convert.ToInt32(update.Snapshot.Properties.First(p => p.Name == "executable.pid").Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The process that runs <paramref name="project"/> for a resource: the child of the <c>dotnet run</c> wrapper
    /// whose pid DCP reports (<see cref="PidOf"/>), for what the wrapper does not share, such as the memory.
    /// </summary>
    public async Task<int> ProjectPidOf(string resource, string project)
    {
        var wrapper = await PidOf(resource);
        return ProcessTree.Running(wrapper, project) ?? throw new InvalidOperationException($"no process runs {project} under {resource}'s process {wrapper}");
    }

    /// <summary>Runs a dashboard command on a resource; fails the test if the command fails.</summary>
    public async Task<string?> RunCommand(string resource, string command)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var result = await App.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(resource, command, cts.Token);
        Assert.True(result.Success, $"command {command} on {resource} failed: {result.Message}");
        return result.Message;
    }

    public AmazonS3Client S3() => new(
        new BasicAWSCredentials(Configuration["Parameters:local-s3-access-key"], Configuration["Parameters:local-s3-secret-key"]),
        new AmazonS3Config { ServiceURL = App.GetEndpoint("s3", "http").ToString(), ForcePathStyle = true, AuthenticationRegion = "us-east-1" });

    /// <summary>Every change row in the archive bucket.</summary>
    public async Task<List<ChangeRow>> ChangeRows()
    {
        using var s3 = S3();
        return await ArchiveObjects.ChangeRows(s3, ArchiveDefaults.Bucket, "velib/changes/");
    }

    public async ValueTask DisposeAsync()
    {
        Web.Dispose();
        await App.DisposeAsync();
    }
}
