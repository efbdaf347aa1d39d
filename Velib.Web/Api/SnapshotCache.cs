using Velib.Contracts.Feed;

namespace Velib.Web.Api;

/// <summary>
/// The current network for the documents served from memory (<c>/api/stations</c>, <c>/gbfs/*</c>). At most one
/// version check per second reaches the cluster, whatever the load, and the network is fetched only when its
/// version changed.
/// </summary>
internal sealed class SnapshotCache(IClusterClient orleans, TimeProvider time)
{
    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(1);
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private CachedSnapshot? _current;
    private DateTimeOffset _checkedAt;

    public async Task<CachedSnapshot> GetAsync(CancellationToken cancellationToken)
    {
        if (_current is { } fresh && time.GetUtcNow() - _checkedAt < CheckEvery) return fresh;
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            // Another request may have refreshed it while this one waited.
            if (_current is { } current && time.GetUtcNow() - _checkedAt < CheckEvery) return current;
            var feed = orleans.GetGrain<IFeedIngestionGrain>(VelibSystem.Name);
            if (_current is null || await feed.GetVersion() != _current.Snapshot.Version)
            {
                _current = new CachedSnapshot(await feed.GetSnapshot());
            }
            _checkedAt = time.GetUtcNow();
            return _current;
        }
        finally
        {
            _refresh.Release();
        }
    }
}
