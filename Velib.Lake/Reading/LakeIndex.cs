using System.Collections.Concurrent;

namespace Velib.Lake.Reading;

/// <summary>
/// Object listings of the lake, kept for a short while: the current hour gains objects at each flush, a compaction
/// replaces a day's hourly objects, and an import or a compaction writes some keys again with more rows, so a
/// listing (keys and versions) is cached briefly and dropped when an object it named has gone.
/// </summary>
public sealed class LakeIndex(S3ArchiveStore store, TimeProvider time, TimeSpan keep)
{
    private readonly ConcurrentDictionary<string, (DateTimeOffset Listed, Task<List<LakeObject>> Objects)> _listings = new();
    private readonly ConcurrentDictionary<string, (DateTimeOffset Listed, Task<string?> Key)> _firsts = new();

    /// <summary>The objects under <paramref name="prefix"/>, each with the version the cache of parsed objects keys on.</summary>
    public async Task<List<LakeObject>> ObjectsAsync(string prefix)
    {
        var now = time.GetUtcNow();
        if (_listings.TryGetValue(prefix, out var cached) && now - cached.Listed < keep && !cached.Objects.IsFaulted)
        {
            return await cached.Objects;
        }
        var listing = store.ListObjectsAsync(prefix, CancellationToken.None);
        _listings[prefix] = (now, listing);
        return await listing;
    }

    /// <summary>
    /// The first key under <paramref name="prefix"/>, kept as long as a listing: an import of older history adds
    /// earlier checkpoints, and the running app sees them once this expires.
    /// </summary>
    public async Task<string?> FirstKeyAsync(string prefix)
    {
        var now = time.GetUtcNow();
        if (_firsts.TryGetValue(prefix, out var cached) && now - cached.Listed < keep && !cached.Key.IsFaulted) return await cached.Key;
        var first = store.FirstKeyAsync(prefix, CancellationToken.None);
        _firsts[prefix] = (now, first);
        return await first;
    }

    /// <summary>Forgets every listing, after an object that one of them named turned out to be gone.</summary>
    public void Invalidate()
    {
        _listings.Clear();
        _firsts.Clear();
    }
}
