using Velib.Contracts.Systems;
using Velib.Contracts.Feed;
using Velib.Silo.Feed;
using Velib.Silo.Feed.Simulation;
using Velib.Tests.Support;

namespace Velib.Tests.Stations;

[Grain]
public sealed class SimulatedIngestionTests
{
    // The simulated network is the real Vélib' station list bundled with the silo.
    private static readonly int Stations = BundledStations.Load().Count;

    // The live URL refuses connections, so "auto" must fall back and "simulated" never tries it.
    private static Task<VelibTestCluster> StartAsync(string mode, TimeProvider? time = null)
    {
        var settings = VelibTestCluster.Live("http://127.0.0.1:9/gbfs.json");
        settings["Velib:Feed:Mode"] = mode;
        return VelibTestCluster.StartAsync(settings, time: time);
    }

    [Fact]
    public async Task The_simulated_feed_is_ingested_cycle_after_cycle_and_always_flagged()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 17, 40, 0, TimeSpan.Zero));
        await using var cluster = await StartAsync("simulated", time);
        var ingestion = cluster.Client.GetGrain<IFeedIngestionGrain>(SystemId.Velib.Value);

        Assert.Equal(Stations, await ingestion.Poll());
        for (var i = 0; i < 3; i++)
        {
            time.Advance(TimeSpan.FromMinutes(1));
            Assert.True(await ingestion.Poll() > 0, "a simulated minute of the evening rush changed no station");
            var status = await ingestion.GetStatus();
            Assert.True(status.LastError is null, status.LastError);
        }

        var final = await ingestion.GetStatus();
        Assert.Equal("simulated", final.Mode);
        Assert.Equal(Stations, final.Stations);
        Assert.True((await ingestion.GetSnapshot()).Simulated);
    }

    [Fact]
    public async Task In_auto_mode_an_unreachable_live_feed_falls_back_to_the_simulated_network_and_says_so()
    {
        await using var cluster = await StartAsync("auto");
        var ingestion = cluster.Client.GetGrain<IFeedIngestionGrain>(SystemId.Velib.Value);

        await ingestion.Poll();

        var status = await ingestion.GetStatus();
        Assert.Equal("simulated", status.Mode);
        Assert.Equal("simulated://velib", status.Url);
        Assert.Equal(Stations, status.Stations);
        Assert.True((await ingestion.GetSnapshot()).Simulated);
    }
}
