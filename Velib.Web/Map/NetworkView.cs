using Microsoft.Extensions.Options;
using Velib.Contracts.Feed;
using Velib.Contracts.Stations;

namespace Velib.Web.Map;

/// <summary>
/// One browser circuit's copy of the network: loaded with one grain call, then kept current by pushed deltas
/// (an Orleans grain observer, renewed before it expires). Raises <see cref="Changed"/> with the changed
/// stations only, so the page sends just those to the browser.
/// </summary>
public sealed partial class NetworkView(IClusterClient orleans, IOptions<MapOptions> options, TimeProvider time, ILogger<NetworkView> logger)
    : INetworkObserver, IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, Station> _stations = [];
    private INetworkObserver? _reference;
    private ITimer? _renewal;
    private Task? _start;
    private long _version = -1;

    /// <summary>A delta, after it is applied (full when the whole network was reloaded). Raised on a thread-pool thread.</summary>
    public event Action<NetworkDelta>? Changed;

    /// <summary>The grain reference the ingestion grain pushes to (null before start).</summary>
    internal INetworkObserver? Subscription => _reference;

    private IFeedIngestionGrain Feed => orleans.GetGrain<IFeedIngestionGrain>(VelibSystem.Name);

    /// <summary>Stations held now, without copying them.</summary>
    public int Count
    {
        get { lock (_gate) return _stations.Count; }
    }

    /// <summary>A copy of every station, safe to enumerate while pushes arrive.</summary>
    public IReadOnlyList<Station> Stations
    {
        get { lock (_gate) return [.. _stations.Values]; }
    }

    public Station? ByCode(string code)
    {
        lock (_gate) return _stations.Values.FirstOrDefault(s => s.Code == code);
    }

    public Station? ById(long id)
    {
        lock (_gate) return _stations.GetValueOrDefault(id);
    }

    /// <summary>Loads the snapshot and subscribes for pushes; once started, only catches up.</summary>
    /// <remarks>
    /// A page recovered by the error boundary starts again on the same circuit (same view): it must not subscribe
    /// twice nor start a second renewal timer. A start that failed is retried in full.
    /// </remarks>
    public Task StartAsync()
    {
        if (_start is { IsCompletedSuccessfully: true }) return CatchUpAsync();
        if (_start is null || _start.IsFaulted || _start.IsCanceled) _start = SubscribeAsync();
        return _start;
    }

    private async Task SubscribeAsync()
    {
        Apply(await Feed.GetChangesSince(-1));
        _reference ??= orleans.CreateObjectReference<INetworkObserver>(this);
        await Feed.Subscribe(_reference);
        _renewal ??= time.CreateTimer(_ => _ = RenewAsync(), null, options.Value.ObserverRenewal, options.Value.ObserverRenewal);
    }

    /// <summary>A station's latest state and last 24 h of changes, or null if the feed never listed it.</summary>
    public Task<StationDetail?> GetDetailAsync(long id) => orleans.GetGrain<IStationGrain>(id).GetDetail();

    /// <summary>The feed's health, or null while the cluster fails over (see <see cref="DuringFailover{T}"/>).</summary>
    public Task<FeedStatus?> TryGetStatusAsync() => DuringFailover(Feed.GetStatus, "feed status");

    /// <summary>As <see cref="GetDetailAsync"/>, or null while the cluster fails over: for refreshes, not first loads.</summary>
    public Task<StationDetail?> TryGetDetailAsync(long id) => DuringFailover(() => GetDetailAsync(id), "station detail");

    // While a lost silo's grains move to another one (a few seconds) calls to them fail: a refresh keeps what it
    // shows and tries again on the next push or tick. Any other failure is a bug, and is thrown.
    private async Task<T?> DuringFailover<T>(Func<Task<T>> call, string what) where T : class?
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (ex is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException)
        {
            Unavailable(logger, what, ex.GetType().Name, ex.Message);
            return default;
        }
    }

    public Task OnNetworkChanged(NetworkDelta delta)
    {
        bool inSequence;
        lock (_gate) inSequence = delta.Full || delta.FromVersion == _version;
        // A missed push (or one that arrives during start-up) is repaired by asking for everything since our version.
        return inSequence ? Task.Run(() => Apply(delta)) : CatchUpAsync();
    }

    private async Task CatchUpAsync()
    {
        long version;
        lock (_gate) version = _version;
        Apply(await Feed.GetChangesSince(version));
    }

    private async Task RenewAsync()
    {
        try
        {
            await Feed.Subscribe(_reference!);
            await CatchUpAsync();
        }
        catch (Exception ex)
        {
            RenewalFailed(logger, ex);
        }
    }

    private void Apply(NetworkDelta delta)
    {
        lock (_gate)
        {
            if (!delta.Full && delta.ToVersion <= _version) return;
            if (delta.Full) _stations.Clear();
            foreach (var s in delta.Stations) _stations[s.Id] = s;
            foreach (var id in delta.Removed) _stations.Remove(id);
            _version = delta.ToVersion;
        }
        Changed?.Invoke(delta);
    }

    public async ValueTask DisposeAsync()
    {
        if (_renewal is not null) await _renewal.DisposeAsync();
        if (_reference is not null)
        {
            try { await Feed.Unsubscribe(_reference); }
            catch (Exception ex) { RenewalFailed(logger, ex); }
            orleans.DeleteObjectReference<INetworkObserver>(_reference);
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "Could not renew the map's subscription to network updates")]
    private static partial void RenewalFailed(ILogger logger, Exception exception);

    [LoggerMessage(2, LogLevel.Warning, "Map: {What} unavailable while the cluster recovers ({Kind}: {Reason}); the page keeps what it shows")]
    private static partial void Unavailable(ILogger logger, string what, string kind, string reason);
}
