using System.Net.Http.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.Configuration;
using Velib.Tests.Support;

namespace Velib.Tests.Integration;

/// <summary>
/// Starts the real AppHost (DCP, Garnet, s3rver, two silos, web) once for the integration and browser tests. The feed is a
/// recorded Vélib' afternoon served as the live feed from a local HTTP server (the simulated network when the
/// shared recordings are absent); S3 data and the spool go to a temporary folder.
/// </summary>
public sealed class AppHostFixture : IAsyncLifetime
{
    private readonly string _s3Data = Path.Combine(Path.GetTempPath(), "velib-test-s3-" + Guid.NewGuid().ToString("N"));

    private VelibAppHost _host = null!;

    public DistributedApplication App => _host.App;

    public IConfiguration Configuration => _host.Configuration;

    public HttpClient Web => _host.Web;

    /// <summary>The started AppHost, for what the properties above do not cover.</summary>
    public VelibAppHost Host => _host;

    /// <summary>The recorded feed, or null on the simulated network.</summary>
    public RecordedFeedServer? Feed { get; private set; }

    /// <summary>A secret set on the AppHost as a plain Velib setting: it must reach no process as plain text.</summary>
    public const string PlantedSecret = "planted-secret-7f3a9c";

    /// <summary>The recorded status snapshots, oldest first.</summary>
    public static string[] Snapshots => SharedData.Root is null ? []
        : [.. Directory.GetFiles(SharedData.Velib("timeseries-2025-11-10"), "station_status_*.json").Order()];

    public async Task InitializeAsync()
    {
        string[] feed = ["--Velib:Feed:Mode=simulated"];
        if (SharedData.Root is not null)
        {
            Feed = await RecordedFeedServer.StartAsync(
                File.ReadAllBytes(SharedData.Velib("timeseries-2025-11-10", "station_information_20251110_133043.json")), File.ReadAllBytes(Snapshots[0]));
            feed = ["--Velib:Feed:Mode=live", $"--Velib:Feed:Url={Feed.DiscoveryUrl}"];
        }
        // No map tiles: tests never reach outside this machine, and the map must work without them.
        _host = await VelibAppHost.StartAsync(_s3Data,
            [.. feed, "--Velib:Feed:PollInterval=00:00:05", "--Velib:Map:TileUrl=", $"--Velib:S3:SecretKey={PlantedSecret}"]);
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
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

    /// <summary>
    /// <c>/api/stations</c> joined with <c>/api/stations/information</c>: the whole stations as the map shows them
    /// (the first carries no names, to stay small).
    /// </summary>
    public async Task<Velib.Contracts.Stations.Station[]> StationsWithNames()
    {
        var stations = (await Web.GetFromJsonAsync<Velib.Contracts.Stations.Station[]>("/api/stations"))!;
        var names = (await Web.GetFromJsonAsync<Velib.Web.Api.StationInformationJson[]>("/api/stations/information"))!.ToDictionary(i => i.Id, i => i.Name);
        return [.. stations.Select(s => s with { Name = names.GetValueOrDefault(s.Id, "") })];
    }

    /// <summary>Waits until <c>/api/stations</c> shows the snapshot the feed serves now, and returns that snapshot's records.</summary>
    internal async Task<List<Velib.Gbfs.StationStatusRecord>> ServedSnapshotAsync()
    {
        List<Velib.Gbfs.StationStatusRecord> served =
            [.. Velib.Gbfs.GbfsParser.ParseStatus(Feed!.Status, Velib.Gbfs.VehicleTypeTable.Empty).Stations];
        var bikes = served.Sum(s => s.Mechanical + s.Ebike);
        await Until(() => Web.GetFromJsonAsync<Velib.Contracts.Stations.Station[]>("/api/stations"), s => s!.Sum(x => x.Mechanical + x.Ebike) == bikes,
            TimeSpan.FromSeconds(30), "the API never showed the served snapshot");
        return served;
    }

    /// <summary>The snapshot that <see cref="AdvanceFeed"/> will serve next.</summary>
    public byte[] NextSnapshot() => File.ReadAllBytes(Snapshots[(Volatile.Read(ref _snapshot) + 1) % Snapshots.Length]);

    /// <summary>Serves the next recorded snapshot; returns its total bikes and free docks.</summary>
    public (int Bikes, int Docks) AdvanceFeed()
    {
        var next = File.ReadAllBytes(Snapshots[Interlocked.Increment(ref _snapshot) % Snapshots.Length]);
        var stations = Velib.Gbfs.GbfsParser.ParseStatus(next, Velib.Gbfs.VehicleTypeTable.Empty).Stations;
        Feed!.Status = next;
        return (stations.Sum(s => s.Mechanical + s.Ebike), stations.Sum(s => s.Docks));
    }

    /// <summary>Retries until <paramref name="probe"/> holds or the time is up.</summary>
    public static async Task<T> Eventually<T>(Func<Task<T>> read, Func<T, bool> probe, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            T value;
            try
            {
                value = await read();
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                // A 503 while a lost silo's grains move, or a connection refused while a process starts.
                await Task.Delay(500);
                continue;
            }
            if (probe(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }
            await Task.Delay(500);
        }
    }

    /// <summary>Like <see cref="Eventually{T}"/>, but fails with <paramref name="whatNeverHappened"/> when the time is up.</summary>
    public static async Task<T> Until<T>(Func<Task<T>> read, Func<T, bool> probe, TimeSpan timeout, string whatNeverHappened)
    {
        var value = await Eventually(read, probe, timeout);
        Assert.True(probe(value), $"{whatNeverHappened} (waited {timeout.TotalSeconds:0} s)");
        return value;
    }
}
