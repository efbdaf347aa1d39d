using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.TestingHost;
using Velib.Contracts.Feed;
using Velib.Contracts.Stations;
using Velib.Tests.Support;
using Velib.Web.Map;

namespace Velib.Tests.Map;

/// <summary>The web's per-page copy of the network, against real grains: one load, then pushed deltas.</summary>
public sealed class NetworkViewTests : IAsyncLifetime
{
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        var settings = VelibTestCluster.Live("http://127.0.0.1:9/gbfs.json");
        settings["Velib:Feed:Mode"] = "simulated";
        _cluster = await VelibTestCluster.StartAsync(settings);
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    private IFeedIngestionGrain Feed => _cluster.Client.GetGrain<IFeedIngestionGrain>(VelibSystem.Name);

    private NetworkView NewView(TimeSpan renewal) =>
        new(_cluster.Client, Options.Create(new MapOptions { ObserverRenewal = renewal }), NullLogger<NetworkView>.Instance);

    [Fact]
    public async Task A_view_loads_the_snapshot_then_applies_pushed_deltas_until_it_is_disposed()
    {
        await Feed.Poll();
        var view = NewView(TimeSpan.FromMinutes(1));
        await view.StartAsync();
        Assert.Equal(1500, view.Stations.Count);
        Assert.True(view.Simulated);

        var pushed = new TaskCompletionSource<NetworkDelta>(TaskCreationOptions.RunContinuationsAsynchronously);
        view.Changed += d => pushed.TrySetResult(d);
        int changed;
        do
        {
            await Task.Delay(1100); // the simulator moves with real time
            changed = await Feed.Poll();
        }
        while (changed == 0);
        var delta = await pushed.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(delta.Full);
        Assert.Equal(changed, delta.Stations.Length);
        var snapshot = await Feed.GetSnapshot();
        Assert.Equal(snapshot.Stations.OrderBy(s => s.Id), view.Stations.OrderBy(s => s.Id));

        await view.DisposeAsync();
        var after = new TaskCompletionSource<NetworkDelta>(TaskCreationOptions.RunContinuationsAsynchronously);
        view.Changed += d => after.TrySetResult(d);
        do { await Task.Delay(1100); } while (await Feed.Poll() == 0);
        await Assert.ThrowsAsync<TimeoutException>(() => after.Task.WaitAsync(TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public async Task A_view_that_missed_pushes_catches_up_when_it_renews()
    {
        await Feed.Poll();
        var view = NewView(TimeSpan.FromSeconds(8));
        await view.StartAsync();
        await Feed.Unsubscribe(view.Subscription!); // as if the grain had expired the subscription
        var pushes = 0;
        view.Changed += _ => Interlocked.Increment(ref pushes);

        do { await Task.Delay(1100); } while (await Feed.Poll() == 0);
        var snapshot = await Feed.GetSnapshot();
        await Task.Delay(500);
        Assert.Equal(0, pushes); // nothing was pushed to the dropped subscription
        Assert.NotEqual(snapshot.Stations.OrderBy(s => s.Id), view.Stations.OrderBy(s => s.Id));

        await AssertEventually(() => snapshot.Stations.OrderBy(s => s.Id).SequenceEqual(view.Stations.OrderBy(s => s.Id)), TimeSpan.FromSeconds(20));
        await view.DisposeAsync();
    }

    private static async Task AssertEventually(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
            await Task.Delay(200);
        }
    }
}
