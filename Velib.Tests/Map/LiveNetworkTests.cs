using Velib.Contracts.Systems;
using System.Text;
using System.Text.Json;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Velib.Contracts.Feed;
using Velib.Contracts.Stations;
using Velib.Silo.Feed;
using Velib.Silo.Feed.Simulation;
using Velib.Tests.Support;
using Velib.Web.Api;
using Velib.Web.Live;

namespace Velib.Tests.Map;

/// <summary>The web process's one live network, against real grains: one load, then pushed deltas, each encoded once for every stream client.</summary>
[Grain]
public sealed class LiveNetworkTests : IAsyncLifetime
{
    // A fake clock in the middle of an hour: the simulator refreshes every last_reported at the top of the hour,
    // which would make every station "changed" if a run crossed it.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 8, 20, 0, TimeSpan.Zero));
    private VelibTestCluster _cluster = null!;

    // The simulated network is the real Vélib' station list bundled with the silo.
    private static readonly int Stations = BundledStations.Load().Count;

    public async Task InitializeAsync()
    {
        var settings = VelibTestCluster.Live("http://127.0.0.1:9/gbfs.json");
        settings["Velib:Feed:Mode"] = "simulated";
        _cluster = await VelibTestCluster.StartAsync(settings, time: _time);
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    private IFeedIngestionGrain Feed => _cluster.Client.GetGrain<IFeedIngestionGrain>(SystemId.Velib.Value);

    private (LiveNetwork Live, StationStream Stream) NewNetwork()
    {
        var stream = new StationStream(new StreamMetrics(Meters()), new FakeTimeProvider(_time.GetUtcNow()));
        return (new LiveNetwork(_cluster.Client, stream, _time, NullLogger<LiveNetwork>.Instance), stream);
    }

    internal static IMeterFactory Meters() => new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();

    /// <summary>Moves the simulated city on by a minute and polls it; the morning rush always changes some stations.</summary>
    private async Task<int> NextMinute()
    {
        _time.Advance(TimeSpan.FromMinutes(1));
        var changed = await Feed.Poll();
        Assert.True(changed > 0, "a simulated minute of the morning rush changed no station");
        return changed;
    }

    private static async Task<StreamEvent> NextVersioned(StreamClient client, string what)
    {
        while (true)
        {
            var e = await client.Events.ReadAsync().AsTask().Within(TimeSpan.FromSeconds(10), what);
            if (e.Version is not null) return e;
        }
    }

    private static (string Name, long? Id, string Data) Parse(StreamEvent e)
    {
        var lines = Encoding.UTF8.GetString(e.Bytes.Span).Split('\n');
        string Field(string name) => lines.FirstOrDefault(l => l.StartsWith(name + ": ", StringComparison.Ordinal))?[(name.Length + 2)..] ?? "";
        return (Field("event"), Field("id") is { Length: > 0 } id ? long.Parse(id) : null, Field("data"));
    }

    [Fact]
    public async Task The_live_network_loads_the_snapshot_then_publishes_each_pushed_version_once_as_a_delta_event()
    {
        await Feed.Poll();
        var (live, stream) = NewNetwork();
        await live.SubscribeAsync(CancellationToken.None);
        Assert.Equal(Stations, live.Current!.Snapshot.Stations.Length);
        var first = stream.Connect();
        var second = stream.Connect();

        var changed = await NextMinute();
        var e = await NextVersioned(first, "no event reached a stream client after a poll that changed stations");
        Assert.Same(e, await NextVersioned(second, "the second stream client got no event")); // encoded once, shared

        var (name, id, data) = Parse(e);
        Assert.Equal(StreamEvents.Delta, name);
        var snapshot = await Feed.GetSnapshot();
        Assert.Equal(snapshot.Version, id);
        var delta = JsonSerializer.Deserialize<StationsDelta>(data, JsonSerializerOptions.Web)!;
        Assert.Equal(snapshot.Version - 1, delta.FromVersion);
        Assert.InRange(delta.Stations.Count, changed, Stations); // the changed stations, and any whose last_reported moved
        Assert.Equal(snapshot.Stations.OrderBy(s => s.Id), live.Current.Snapshot.Stations.OrderBy(s => s.Id));
        stream.Disconnect(first);
        stream.Disconnect(second);
    }

    [Fact]
    public async Task Changes_since_a_version_held_in_the_ring_equal_the_grains_own_answer()
    {
        await Feed.Poll();
        var (live, _) = NewNetwork();
        await live.SubscribeAsync(CancellationToken.None);
        var from = live.Current!.Snapshot.Version;
        for (var i = 0; i < 3; i++)
        {
            await NextMinute();
            await live.CatchUpAsync(CancellationToken.None); // whether or not the push came first, the version is applied once
        }

        var ours = live.Since(from)!;
        var grains = await Feed.GetChangesSince(from);
        Assert.False(ours.FullReload);
        Assert.Equal(grains.ToVersion, ours.ToVersion);
        Assert.Equal(grains.Stations.Select(StationJson.From).OrderBy(s => s.Id), ours.Stations.OrderBy(s => s.Id));
        Assert.Null(live.Since(from - LiveNetwork.RingSize - 10)); // too old for the ring: the caller answers with a full reload
    }

    [Fact]
    public async Task A_live_network_that_missed_pushes_catches_up_when_it_asks()
    {
        await Feed.Poll();
        var (live, stream) = NewNetwork();
        await live.SubscribeAsync(CancellationToken.None);
        await Feed.Unsubscribe(live.Subscription!); // as if the grain had expired the subscription
        var client = stream.Connect();

        await NextMinute();
        var snapshot = await Feed.GetSnapshot();
        await Feed.GetSnapshot(); // pushes are one-way: any push would have been sent before this answers
        Assert.NotEqual(snapshot.Version, live.Current!.Snapshot.Version);

        await live.CatchUpAsync(CancellationToken.None); // what LiveNetworkService does when pushes stop
        Assert.Equal(snapshot.Stations.OrderBy(s => s.Id), live.Current.Snapshot.Stations.OrderBy(s => s.Id));
        Assert.Equal(snapshot.Version, (await NextVersioned(client, "the catch-up published no event")).Version);
    }

    [Fact]
    public async Task The_live_network_stays_equal_to_the_snapshot_across_the_top_of_an_hour()
    {
        // 08:58 on the fake clock; the simulator refreshes every last_reported at the top of the hour, so the cycle at
        // 09:00 pushes every station (without counting them as changes).
        _time.Advance(TimeSpan.FromMinutes(38));
        await Feed.Poll();
        var (live, stream) = NewNetwork();
        await live.SubscribeAsync(CancellationToken.None);
        var client = stream.Connect();

        _time.Advance(TimeSpan.FromMinutes(2));
        var changed = await Feed.Poll();
        var delta = JsonSerializer.Deserialize<StationsDelta>(Parse(await NextVersioned(client, "the cycle at the top of the hour published nothing")).Data, JsonSerializerOptions.Web)!;

        Assert.InRange(changed, 1, Stations - 1); // the counts that really changed, not every refreshed last_reported
        Assert.Equal(Stations, delta.Stations.Count);
        Assert.Equal((await Feed.GetSnapshot()).Stations.OrderBy(s => s.Id), live.Current!.Snapshot.Stations.OrderBy(s => s.Id));
    }
}
