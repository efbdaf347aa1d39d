using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Velib.Contracts.Feed;
using Velib.Contracts.Stations;
using Velib.Silo.Feed;
using Velib.Tests.Support;
using Velib.Web.Map;

namespace Velib.Tests.Map;

/// <summary>The web's per-page copy of the network, against real grains: one load, then pushed deltas.</summary>
public sealed class NetworkViewTests : IAsyncLifetime
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

    private IFeedIngestionGrain Feed => _cluster.Client.GetGrain<IFeedIngestionGrain>(VelibSystem.Name);

    private NetworkView NewView(TimeSpan renewal, TimeProvider? time = null) =>
        new(_cluster.Client, Options.Create(new MapOptions { ObserverRenewal = renewal }), time ?? _time, NullLogger<NetworkView>.Instance);

    /// <summary>Moves the simulated city on by a minute and polls it; the morning rush always changes some stations.</summary>
    private async Task<int> NextMinute()
    {
        _time.Advance(TimeSpan.FromMinutes(1));
        var changed = await Feed.Poll();
        Assert.True(changed > 0, $"a simulated minute of the morning rush changed no station");
        return changed;
    }

    [Fact]
    public async Task A_view_loads_the_snapshot_then_applies_pushed_deltas_until_it_is_disposed()
    {
        await Feed.Poll();
        var view = NewView(TimeSpan.FromMinutes(1));
        await view.StartAsync();
        Assert.Equal(Stations, view.Count);

        var pushed = new TaskCompletionSource<NetworkDelta>(TaskCreationOptions.RunContinuationsAsynchronously);
        view.Changed += d => pushed.TrySetResult(d);
        var changed = await NextMinute();
        var delta = await pushed.Task.Within(TimeSpan.FromSeconds(10), "no delta was pushed to the view after a poll that changed stations");

        Assert.False(delta.Full);
        Assert.True(delta.Simulated);
        Assert.Equal(changed, delta.Stations.Count(s => s.LastChangeUtc == _time.GetUtcNow().UtcDateTime));
        var snapshot = await Feed.GetSnapshot();
        Assert.Equal(snapshot.Stations.OrderBy(s => s.Id), view.Stations.OrderBy(s => s.Id));

        await view.DisposeAsync();
        var after = new TaskCompletionSource<NetworkDelta>(TaskCreationOptions.RunContinuationsAsynchronously);
        view.Changed += d => after.TrySetResult(d);
        await NextMinute();
        // One more grain call after the poll: pushes are one-way, so any push would have been sent before it answers.
        await Feed.GetSnapshot();
        Assert.False(after.Task.IsCompleted, "a disposed view still received a push");
    }

    [Fact]
    public async Task A_view_that_missed_pushes_catches_up_when_it_renews()
    {
        await Feed.Poll();
        // The view's own clock, so that moving the city on does not also renew the subscription.
        var viewTime = new FakeTimeProvider(_time.GetUtcNow());
        var view = NewView(TimeSpan.FromSeconds(10), viewTime);
        var renewed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await view.StartAsync();
        await Feed.Unsubscribe(view.Subscription!); // as if the grain had expired the subscription
        var pushes = 0;
        view.Changed += _ => Interlocked.Increment(ref pushes);

        await NextMinute();
        var snapshot = await Feed.GetSnapshot();
        Assert.Equal(0, Volatile.Read(ref pushes)); // nothing was pushed to the dropped subscription
        Assert.NotEqual(snapshot.Stations.OrderBy(s => s.Id), view.Stations.OrderBy(s => s.Id));

        void CheckCaughtUp()
        {
            if (snapshot.Stations.OrderBy(s => s.Id).SequenceEqual(view.Stations.OrderBy(s => s.Id))) renewed.TrySetResult();
        }
        view.Changed += _ => CheckCaughtUp();
        CheckCaughtUp();
        viewTime.Advance(TimeSpan.FromSeconds(10));
        await renewed.Task.Within(TimeSpan.FromSeconds(20), "the view did not catch up with the missed delta when its renewal came");
        await view.DisposeAsync();
    }

    [Fact]
    public async Task A_view_stays_equal_to_the_snapshot_across_the_top_of_an_hour()
    {
        // 08:58 on the fake clock; the simulator refreshes every last_reported at the top of the hour, so the cycle at
        // 09:00 pushes every station (without counting them as changes), which once broke this view's tests.
        _time.Advance(TimeSpan.FromMinutes(38));
        await Feed.Poll();
        var view = NewView(TimeSpan.FromMinutes(1), new FakeTimeProvider(_time.GetUtcNow()));
        await view.StartAsync();
        var pushed = new TaskCompletionSource<NetworkDelta>(TaskCreationOptions.RunContinuationsAsynchronously);
        view.Changed += d => { if (d.Stations.Length == Stations) pushed.TrySetResult(d); };

        _time.Advance(TimeSpan.FromMinutes(2));
        var changed = await Feed.Poll();
        var delta = await pushed.Task.Within(TimeSpan.FromSeconds(10), "the cycle at the top of the hour did not push every station");

        Assert.InRange(changed, 1, Stations - 1); // the counts that really changed, not every refreshed last_reported
        Assert.All(delta.Stations, s => Assert.Equal(9, s.LastReportedUtc!.Value.Hour));
        Assert.Equal((await Feed.GetSnapshot()).Stations.OrderBy(s => s.Id), view.Stations.OrderBy(s => s.Id));
        await view.DisposeAsync();
    }
}
