using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.Configuration;
using Velib.Tests.Support;

namespace Velib.Tests.Integration;

/// <summary>
/// Starts the real AppHost (DCP, s3rver, silo, web) once for the integration and browser tests. The feed is a
/// recorded Vélib' afternoon served as the live feed from a local HTTP server (the simulated network when the
/// shared recordings are absent); S3 data and the spool go to a temporary folder.
/// </summary>
public sealed class AppHostFixture : IAsyncLifetime
{
    private readonly string _s3Data = Path.Combine(Path.GetTempPath(), "velib-test-s3-" + Guid.NewGuid().ToString("N"));

    public DistributedApplication App { get; private set; } = null!;

    public IConfiguration Configuration { get; private set; } = null!;

    public HttpClient Web { get; private set; } = null!;

    /// <summary>The recorded feed, or null on the simulated network.</summary>
    public RecordedFeedServer? Feed { get; private set; }

    /// <summary>The recorded status snapshots, oldest first.</summary>
    public static string[] Snapshots => SharedData.Root is null ? []
        : [.. Directory.GetFiles(SharedData.Velib("timeseries-2025-11-10"), "station_status_*.json").Order()];

    public async Task InitializeAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        string[] feed = ["--Velib:Feed:Mode=simulated"];
        if (SharedData.Root is not null)
        {
            Feed = await RecordedFeedServer.StartAsync(
                File.ReadAllBytes(SharedData.Velib("timeseries-2025-11-10", "station_information_20251110_133043.json")), File.ReadAllBytes(Snapshots[0]));
            feed = ["--Velib:Feed:Mode=live", $"--Velib:Feed:Url={Feed.DiscoveryUrl}"];
        }
        // No map tiles: tests never reach outside this machine, and the map must work without them.
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Velib_AppHost>(
            [.. feed, "--Velib:Feed:PollInterval=00:00:05", "--Velib:Map:TileUrl=", $"--Velib:DataDir={_s3Data}"], cts.Token);
        Configuration = builder.Configuration;
        App = await builder.BuildAsync(cts.Token);
        await App.StartAsync(cts.Token);
        // Every resource must come up healthy, as the dashboard shows it.
        foreach (var resource in new[] { "s3", "silo", "web" })
        {
            await App.ResourceNotifications.WaitForResourceHealthyAsync(resource, cts.Token);
        }
        Web = App.CreateHttpClient("web");
    }

    public async Task DisposeAsync()
    {
        Web?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }
        if (Feed is not null)
        {
            await Feed.DisposeAsync();
        }
        if (Directory.Exists(_s3Data))
        {
            Directory.Delete(_s3Data, recursive: true);
        }
    }

    private int _snapshot;

    /// <summary>Serves the next recorded snapshot; returns its total bikes and free docks.</summary>
    public (int Bikes, int Docks) AdvanceFeed()
    {
        var next = File.ReadAllBytes(Snapshots[Interlocked.Increment(ref _snapshot) % Snapshots.Length]);
        var stations = Velib.Silo.Feed.GbfsParser.ParseStatus(next, Velib.Silo.Feed.VehicleTypeTable.Empty).Stations;
        Feed!.Status = next;
        return (stations.Sum(s => s.Mechanical + s.Ebike), stations.Sum(s => s.Docks));
    }

    /// <summary>Retries until <paramref name="probe"/> holds or the time is up.</summary>
    public static async Task<T> Eventually<T>(Func<Task<T>> read, Func<T, bool> probe, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await read();
            if (probe(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }
            await Task.Delay(500);
        }
    }
}
