using Orleans.Utilities;
using Velib.Contracts.Feed;
using Velib.Contracts.Stations;
using Velib.Silo.Feed;
using Velib.Silo.Stations;
using Velib.Silo.Telemetry;

namespace Velib.Silo.Ingestion;

/// <summary>
/// The ingestion grain's network as readers and the store see it: the current version and its recent deltas, the
/// observers each new version is pushed to, and the persisted snapshot, saved now and then and restored from on
/// activation. A plain class in the grain, not a grain of its own: the network is also the next cycle's diff
/// baseline, and readers ask the ingestion grain for it, so that a version always names the network it polled.
/// </summary>
internal sealed class NetworkPublisher(IPersistentState<IngestionState> saved, RecentChanges recent, FeedMetrics metrics,
    FeedClock clock, TimeSpan saveInterval, ILogger logger)
{
    private readonly ObserverManager<INetworkObserver> _observers = new(TimeSpan.FromMinutes(5), logger);
    private DateTime? _savedUtc;
    private bool _unsaved;
    private NetworkState? _savedView;

    /// <summary>The network of this activation's current mode, from its first poll on; null before.</summary>
    public NetworkState? Current { get; private set; }

    /// <summary>The saved network, brought up to date with the changes the store received after it was saved.</summary>
    public async Task<NetworkState> RestoreAsync(bool simulated)
    {
        var network = new NetworkState(simulated);
        var savedAt = saved.State.Network?.ObservedUtc;
        // Past every version the previous activation could have committed since its last save: at most one a poll,
        // and polls are at least 5 s apart, over the save interval or the time since the save, whichever is longer.
        var since = savedAt is { } at ? clock.UtcNow - at : TimeSpan.Zero;
        var longest = since > saveInterval ? since : saveInterval;
        var gap = 1 + (long)Math.Ceiling(longest / TimeSpan.FromSeconds(5));
        if (network.Restore(saved.State.Network, gap) && savedAt is { } from)
        {
            network.Replay(await recent.SinceAsync(from));
        }
        _savedView = null;
        return Current = network;
    }

    /// <summary>Makes the diff the current network's next version, saves it when due, and pushes the delta to observers.</summary>
    public async Task PublishAsync(NetworkDiff diff, DateTime observedUtc, DateTime? feedUpdatedUtc)
    {
        var network = Current ?? throw new InvalidOperationException("The network is published before it is restored.");
        if (network.Commit(diff, observedUtc, feedUpdatedUtc) is not { } delta) return;
        _unsaved = true;
        // The cycle's changes are already in the store (the recent log, written with the spool), so the whole
        // network is saved only now and then; a new activation replays the log over it.
        if (_savedUtc is not { } last || observedUtc - last >= saveInterval)
        {
            await SaveAsync(network, observedUtc);
        }
        metrics.Network(NetworkTotals.Of(network.Snapshot.Stations));
        await _observers.Notify(o => o.OnNetworkChanged(delta));
    }

    /// <summary>On a clean stop: saves what the last saves missed, so the next activation has nothing to replay.</summary>
    public async Task SaveIfUnsavedAsync(DateTime atUtc)
    {
        if (_unsaved && Current is { } network) await SaveAsync(network, atUtc);
    }

    /// <summary>The mode switched: the next poll restores (and starts) the other kind's network.</summary>
    public void Forget()
    {
        Current = null;
        _savedUtc = null;
        _unsaved = false;
    }

    /// <summary>Another activation took over: its network is newer, so this one is not saved on the way out.</summary>
    public void Abandon() => _unsaved = false;

    public NetworkSnapshot Snapshot(bool simulated) => Current?.Snapshot ?? saved.State.Network ?? NetworkSnapshot.Empty(simulated);

    public long Version => (Current?.Snapshot ?? saved.State.Network)?.Version ?? 0;

    public NetworkDelta ChangesSince(long version, bool simulated) => (Current ?? Saved(simulated)).ChangesSince(version);

    public Station? Station(long id, bool simulated) =>
        (Current ?? Saved(simulated)).ById.TryGetValue(id, out var station) ? station : null;

    public Task Subscribe(INetworkObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task Unsubscribe(INetworkObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    /// <summary>Before the first poll of this activation, readers get the persisted network rather than an empty one.</summary>
    private NetworkState Saved(bool simulated)
    {
        if (_savedView is not null) return _savedView;
        var state = new NetworkState(saved.State.Network?.Simulated ?? simulated);
        state.Restore(saved.State.Network);
        return _savedView = state;
    }

    private async Task SaveAsync(NetworkState network, DateTime atUtc)
    {
        saved.State.Network = network.Snapshot;
        await saved.WriteStateAsync();
        _savedUtc = atUtc;
        _unsaved = false;
    }
}
