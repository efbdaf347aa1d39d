using Velib.Contracts.Systems;
using System.Collections.Immutable;
using System.Text.Json;
using Velib.Contracts.Feed;
using Velib.Contracts.Stations;
using Velib.Web.Api;

namespace Velib.Web.Live;

/// <summary>
/// The one live network of this web process: one grain observer, one immutable snapshot swapped whole at each
/// version, and a ring of the last steps. It serves the API, the GBFS feeds, the first HTML and the stream; every
/// rider reads the same copy, and each step is encoded once for all of them.
/// </summary>
public sealed partial class LiveNetwork(IClusterClient orleans, StationStream stream, TimeProvider time, ILogger<LiveNetwork> logger)
    : INetworkObserver
{
    public const int RingSize = 64;

    // A status read that hangs (a silo that went away without closing) must not hold up a push for everyone.
    private static readonly TimeSpan StatusLimit = TimeSpan.FromSeconds(3);

    private readonly SemaphoreSlim _apply = new(1, 1);
    private readonly DeltaRing _ring = new(RingSize);
    private volatile CachedSnapshot? _current;
    private volatile StreamStatus? _status;
    private volatile StreamEvent? _statusEvent;
    private INetworkObserver? _reference;
    private volatile string? _subscribedSilo;
    private long _lastUpdateTicks;

    private IFeedIngestionGrain Feed => orleans.GetGrain<IFeedIngestionGrain>(SystemId.Velib.Value);

    /// <summary>Raised after each version is applied, on a thread-pool thread, for this process's own readers.</summary>
    public event Action<NetworkDelta>? Changed;

    /// <summary>The network now, or null before the first load.</summary>
    public CachedSnapshot? Current => _current;

    /// <summary>The last status (feed health and whether the cluster answers), or null before the first load.</summary>
    public StreamStatus? Status => _status;

    /// <summary>The last status as a stream event, for a client that just connected.</summary>
    public StreamEvent? StatusEvent => _statusEvent;

    /// <summary>The grain reference the ingestion grain pushes to (null before the first subscription).</summary>
    internal INetworkObserver? Subscription => _reference;

    /// <summary>When the network or its status was last read from the cluster.</summary>
    public DateTimeOffset LastUpdate => new(Interlocked.Read(ref _lastUpdateTicks), TimeSpan.Zero);

    /// <summary>The network now; loads it first if nothing has yet (a request that came before the first push).</summary>
    public async Task<CachedSnapshot> GetAsync(CancellationToken cancellationToken)
    {
        if (_current is { } current) return current;
        await CatchUpAsync(cancellationToken);
        return _current ?? throw new InvalidOperationException("The network could not be loaded");
    }

    /// <summary>Subscribes (or renews) this process's observer, then catches up on anything missed.</summary>
    public async Task SubscribeAsync(CancellationToken cancellationToken)
    {
        _reference ??= orleans.CreateObjectReference<INetworkObserver>(this);
        // Bounded: while a lost silo is not yet declared dead, a call to the grain it hosted waits for Orleans'
        // 30 s response timeout; the service retries on its next tick instead.
        await Feed.Subscribe(_reference).WaitAsync(StatusLimit, cancellationToken);
        await CatchUpAsync(cancellationToken);
        _subscribedSilo = _status?.Feed?.Silo;
    }

    /// <summary>
    /// Tells the ingestion grain to stop pushing here (this process is stopping), rather than go on pushing to a
    /// process that is gone until the subscription expires.
    /// </summary>
    public async Task UnsubscribeAsync(CancellationToken cancellationToken)
    {
        if (_reference is { } reference) await Feed.Unsubscribe(reference).WaitAsync(StatusLimit, cancellationToken);
    }

    /// <summary>
    /// True when the ingestion grain now runs on another silo than the one this process subscribed on. Its observers
    /// live in the activation's memory, so a new activation (after a silo was lost) pushes to nobody until each web
    /// subscribes again.
    /// </summary>
    public async Task<bool> IngestionMovedAsync()
    {
        var feed = await TryStatusAsync();
        return feed?.Silo is { } now && _subscribedSilo is { } then && now != then;
    }

    /// <summary>Asks the ingestion grain for everything after our version, and refreshes the status.</summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        await _apply.WaitAsync(cancellationToken);
        try
        {
            var version = _current?.Snapshot.Version ?? -1;
            NetworkDelta delta;
            try
            {
                delta = await Feed.GetChangesSince(version).WaitAsync(StatusLimit, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                SetStatus(null, reachable: false);
                throw;
            }
            var feed = await TryStatusAsync();
            if (delta.Full || delta.ToVersion > version) Apply(delta, feed);
            else SetStatus(feed, feed is not null);
        }
        finally
        {
            _apply.Release();
        }
    }

    // Orleans calls observers on its own threads: hand the work off and return at once.
    Task INetworkObserver.OnNetworkChanged(NetworkDelta delta)
    {
        _ = Task.Run(() => OnPushedAsync(delta));
        return Task.CompletedTask;
    }

    private async Task OnPushedAsync(NetworkDelta delta)
    {
        try
        {
            var current = _current;
            // A missed push (or one from before the first load) is repaired by asking for everything since our version.
            if (!delta.Full && (current is null || delta.FromVersion != current.Snapshot.Version))
            {
                if (current is null || delta.ToVersion > current.Snapshot.Version) await CatchUpAsync(CancellationToken.None);
                return;
            }
            var feed = await TryStatusAsync();
            await _apply.WaitAsync();
            try
            {
                // Checked again: a catch-up may have applied this version while we read the status.
                if (delta.Full || delta.FromVersion == _current?.Snapshot.Version) Apply(delta, feed);
            }
            finally
            {
                _apply.Release();
            }
        }
        catch (Exception ex)
        {
            PushFailed(logger, ex);
        }
    }

    /// <summary>The stations changed after <paramref name="version"/> (as <c>/api/stations?since=</c>), or null when the ring no longer reaches it.</summary>
    public StationsDelta? Since(long version)
    {
        var current = _current;
        if (current is null) return null;
        var to = current.Snapshot.Version;
        if (version == to) return new StationsDelta(version, to, false, [], []);
        if (_ring.After(version) is not { } steps || steps.Count == 0 || steps[^1].To != to) return null;
        var (changed, removed) = NetworkSteps.Since(steps, s => s.Changed, s => s.Removed, current.ById);
        return new StationsDelta(version, to, false, [.. changed.Select(StationJson.From)], removed);
    }

    /// <summary>The encoded steps after <paramref name="version"/>, for a stream that resumes; null when too old.</summary>
    public IReadOnlyList<StreamEvent>? EventsAfter(long version) =>
        _current?.Snapshot.Version == version ? [] : _ring.After(version)?.Select(s => s.Event).ToList();

    private void Apply(NetworkDelta delta, FeedStatus? feed)
    {
        var previous = _current;
        var full = delta.Full || previous is null;
        var stations = full ? delta.Stations : Merge(previous!.Snapshot.Stations, delta);
        var next = new CachedSnapshot(new NetworkSnapshot(delta.ToVersion, delta.Simulated, delta.ObservedUtc,
            feed?.FeedLastUpdatedUtc ?? previous?.Snapshot.FeedUpdatedUtc, stations));
        StreamEvent e;
        if (full)
        {
            _ring.Clear();
            e = next.FullEvent;
        }
        else
        {
            var json = JsonSerializer.SerializeToUtf8Bytes(new StationsDelta(delta.FromVersion, delta.ToVersion, false, [.. delta.Stations.Select(StationJson.From)], delta.Removed), JsonSerializerOptions.Web);
            e = StreamEvents.Versioned(StreamEvents.Delta, delta.ToVersion, json);
            _ring.Add(new RingEntry(delta.FromVersion, delta.ToVersion, [.. delta.Stations.Select(s => s.Id)], delta.Removed, e));
        }
        // Swapped before publishing: a client that connects now and reads the snapshot already has this version.
        _current = next;
        stream.Publish(e);
        SetStatus(feed, feed is not null);
        Changed?.Invoke(full ? delta with { Full = true, Stations = stations } : delta);
    }

    private static ImmutableArray<Station> Merge(ImmutableArray<Station> before, NetworkDelta delta)
    {
        var changed = delta.Stations.ToDictionary(s => s.Id);
        var removed = delta.Removed.ToHashSet();
        var result = ImmutableArray.CreateBuilder<Station>(before.Length + changed.Count);
        foreach (var s in before)
        {
            if (removed.Contains(s.Id)) continue;
            result.Add(changed.Remove(s.Id, out var now) ? now : s);
        }
        result.AddRange(changed.Values); // stations new to the feed
        return result.ToImmutable();
    }

    private async Task<FeedStatus?> TryStatusAsync()
    {
        try
        {
            return await Feed.GetStatus().WaitAsync(StatusLimit);
        }
        catch (Exception ex) when (ex is TimeoutException or SiloUnavailableException or OrleansMessageRejectionException or OrleansException)
        {
            Unreachable(logger, ex.GetType().Name, ex.Message);
            return null;
        }
    }

    private void SetStatus(FeedStatus? feed, bool reachable)
    {
        Interlocked.Exchange(ref _lastUpdateTicks, time.GetUtcNow().UtcTicks);
        var known = feed ?? _status?.Feed;
        var status = new StreamStatus(!reachable || known is null || known.Stale, reachable, _current?.Snapshot.Version ?? 0, known);
        if (status == _status) return;
        _status = status;
        _statusEvent = StreamEvents.Unversioned(StreamEvents.Status, status);
        stream.Publish(_statusEvent);
    }

    [LoggerMessage(1, LogLevel.Warning, "Live network: a pushed update could not be applied; the next catch-up repairs it")]
    private static partial void PushFailed(ILogger logger, Exception exception);

    [LoggerMessage(2, LogLevel.Warning, "Live network: the feed status is unavailable while the cluster recovers ({Kind}: {Reason})")]
    private static partial void Unreachable(ILogger logger, string kind, string reason);
}
