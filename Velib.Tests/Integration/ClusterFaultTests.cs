using System.Diagnostics;
using Aspire.Hosting.Testing;
using Microsoft.Playwright;
using System.Net.Http.Json;
using System.Text.Json;
using Velib.Contracts.Stations;
using Velib.Silo.Archive;
using Velib.Silo.Feed;
using Velib.Tests.Support;
using Xunit.Abstractions;

namespace Velib.Tests.Integration;

/// <summary>
/// The whole app through faults: a silo killed with SIGKILL while it hosts ingestion, then a full stop and start
/// of the AppHost on the same data folder. Its own AppHost (its own store, S3 and data folder), in the AppHost
/// collection so that it never runs beside another AppHost start.
/// </summary>
[Browser]
[Collection(AppHostCollection.Name)]
public sealed class ClusterFaultTests(BrowserFixture browser, ITestOutputHelper output) : IAsyncLifetime, IClassFixture<BrowserFixture>
{
    private static readonly TimeSpan FeedPatience = TimeSpan.FromSeconds(90);
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "velib-fault-" + Guid.NewGuid().ToString("N"));
    private readonly (int, int) _ports = (Ports.Free(), Ports.Free());
    private RecordedFeedServer? _feed;
    private VelibAppHost? _host;

    public async Task InitializeAsync()
    {
        if (SharedData.Root is null) return;
        _feed = await RecordedFeedServer.StartAsync(
            File.ReadAllBytes(SharedData.Velib("timeseries-2025-11-10", "station_information_20251110_133043.json")), Status(0));
    }

    public async Task DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
        if (_feed is not null) await _feed.DisposeAsync();
        if (Directory.Exists(_dataDir)) Directory.Delete(_dataDir, recursive: true);
    }

    private static byte[] Status(int i) => File.ReadAllBytes(AppHostFixture.Snapshots[i]);

    private static List<StationStatusRecord> Parsed(int i) => [.. GbfsParser.ParseStatus(Status(i), VehicleTypeTable.Empty).Stations];

    private Task<VelibAppHost> Start() => VelibAppHost.StartAsync(_dataDir,
        ["--Velib:Feed:Mode=live", $"--Velib:Feed:Url={_feed!.DiscoveryUrl}", "--Velib:Feed:PollInterval=00:00:05", "--Velib:Map:TileUrl="], _ports);

    /// <summary>Serves snapshot <paramref name="i"/> and waits until /api/stations shows its totals.</summary>
    private async Task Advance(int i)
    {
        _feed!.Status = Status(i);
        var expected = Parsed(i);
        var (bikes, docks) = (expected.Sum(s => s.Mechanical + s.Ebike), expected.Sum(s => s.Docks));
        var started = Stopwatch.GetTimestamp();
        await AppHostFixture.Until(() => _host!.Web.GetFromJsonAsync<Station[]>("/api/stations")!,
            s => s is not null && s.Sum(x => x.Mechanical + x.Ebike) == bikes && s.Sum(x => x.Docks) == docks, FeedPatience,
            $"snapshot {i}'s totals ({bikes} bikes, {docks} docks) never reached /api/stations");
        output.WriteLine($"snapshot {i} served after {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
    }

    private async Task<string> IngestionSilo()
    {
        var status = await AppHostFixture.Until(() => _host!.Web.GetFromJsonAsync<JsonElement>("/api/status"),
            s => s.GetProperty("feed").GetProperty("silo").GetString() is not null, FeedPatience, "no silo hosts ingestion");
        var address = status.GetProperty("feed").GetProperty("silo").GetString()!;
        var port = int.Parse(address.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);
        return VelibAppHost.Resources.Where(r => r.StartsWith("silo", StringComparison.Ordinal))
            .Single(r => _host!.App.GetEndpoint(r, "orleans-silo").Port == port);
    }

    /// <summary>The archive's rows equal the changes between the snapshots, exactly once, and end at the last one.</summary>
    private async Task AssertArchiveIsExact(string silo, int[] served, int expectedRows)
    {
        output.WriteLine(await _host!.RunCommand(silo, "velib-flush"));
        var rows = await _host.ChangeRows();
        Assert.Equal(expectedRows, rows.Count);
        Assert.Equal(rows.Count, rows.Select(r => (r.StationId, r.ObservedAt)).Distinct().Count());
        var latest = rows.GroupBy(r => r.StationId).ToDictionary(g => g.Key, g => g.MaxBy(r => r.ObservedAt)!);
        Assert.All(Parsed(served[^1]), s => Assert.Equal((s.Mechanical, s.Ebike, s.Docks), (latest[s.Id].Mechanical, latest[s.Id].Ebike, latest[s.Id].Docks)));
    }

    [SharedDataFact]
    public async Task A_killed_ingestion_silo_and_a_full_restart_lose_and_duplicate_no_change()
    {
        _host = await Start();
        await Advance(0);
        var victim = await IngestionSilo();
        // A rider's map, open through the failover: its subscription must find the grain's new activation by itself.
        var page = await browser.Browser.NewPageAsync();
        await page.GotoAsync(_host.App.GetEndpoint("web", "http").ToString());
        await page.WaitForMarkersAsync(60_000);
        var changed = Parsed(1).Zip(Parsed(0)).First(p => p.First.Mechanical != p.Second.Mechanical).First.Id;

        var pid = await _host.PidOf(victim);
        // DCP starts the silo through `dotnet run`: SIGKILL the wrapper and the silo under it.
        Process.GetProcessById(pid).Kill(entireProcessTree: true);
        var killed = Stopwatch.GetTimestamp();
        await Advance(1);
        output.WriteLine($"failover: new totals {Stopwatch.GetElapsedTime(killed).TotalSeconds:0.0} s after SIGKILL of {victim}");
        var bikes = Parsed(1).Sum(s => s.Mechanical + s.Ebike);
        // The page renews its subscription every minute; it then catches up from the new activation, with no reload.
        await page.WaitForFunctionAsync($"() => document.querySelector('#total-bikes')?.dataset.value === '{bikes}'", null, new() { Timeout = 120_000 });
        output.WriteLine($"map: new totals {Stopwatch.GetElapsedTime(killed).TotalSeconds:0.0} s after SIGKILL, without a reload");
        await page.CloseAsync();
        await Advance(2);
        var survivor = await IngestionSilo();
        Assert.NotEqual(victim, survivor);
        await AssertArchiveIsExact(survivor, [0, 1, 2], 1499 + 952 + 685);
        var history = await _host.Web.GetFromJsonAsync<JsonElement>($"/api/stations/{changed}");
        var before = history.GetProperty("history").GetArrayLength();
        Assert.True(before >= 2, "a station changed between snapshots 0 and 1 has fewer than 2 history points");

        await _host.DisposeAsync();
        _host = null;
        _host = await Start();
        await Advance(3);
        var after = await _host.Web.GetFromJsonAsync<JsonElement>($"/api/stations/{changed}");
        Assert.True(after.GetProperty("history").GetArrayLength() >= before, "the history from before the restart was lost");
        Assert.Equal(history.GetProperty("history")[0].GetProperty("observedUtc").GetString(), after.GetProperty("history")[0].GetProperty("observedUtc").GetString());
        await AssertArchiveIsExact(await IngestionSilo(), [0, 1, 2, 3], 1499 + 952 + 685 + 552);
    }
}
