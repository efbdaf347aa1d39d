using System.Collections.Concurrent;
using Velib.Contracts.Stations;

namespace Velib.Lake.Reading;

/// <summary>
/// Parsed lake objects, by key and version. A key can be written again with more rows (an import merging into a day
/// or an hour the lake already holds, a compaction merging late hourly objects into a day it compacted before), so
/// an entry holds the version a listing named: once a refreshed listing names another, the next read loads the object
/// again and the old rows leave the cache. Until then a reader serves the version it listed, so a rewrite shows after
/// at most the listing cache's lifetime, with no request per read. The least recently used entries leave once the
/// cache holds more than its row budget.
/// </summary>
public sealed class LakeObjectCache(S3ArchiveStore store, long maxRows)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new();
    private readonly ConcurrentDictionary<string, string> _codes = new();
    private long _rows, _clock;

    /// <summary>The rows held, counted against the budget.</summary>
    public long Rows => Interlocked.Read(ref _rows);

    /// <summary>The change rows of a changes, daily or checkpoint object; null when the object no longer exists.</summary>
    public Task<StationChange[]?> ChangesAsync(LakeObject listed) =>
        GetAsync(listed, async stream => (await ParquetCodec.ReadAsync<ChangeRow>(stream)).Select(ToChange).ToArray());

    /// <summary>The rows of a station list object; null when the object no longer exists.</summary>
    public async Task<StationRow[]?> StationsAsync(LakeObject listed) =>
        await GetAsync(listed, async stream => (await ParquetCodec.ReadAsync<StationRow>(stream)).ToArray());

    private async Task<T[]?> GetAsync<T>(LakeObject listed, Func<Stream, Task<T[]>> parse) where T : class
    {
        var entry = EntryOf(listed, parse);
        entry.LastUsed = Interlocked.Increment(ref _clock);
        try
        {
            return (T[]?)await entry.Rows;
        }
        catch
        {
            // A failed read is not cached: the next reader tries S3 again.
            Drop(listed.Key, entry);
            throw;
        }
    }

    /// <summary>The entry of the listed version; one of another version (the key was written since) is replaced.</summary>
    private Entry EntryOf<T>(LakeObject listed, Func<Stream, Task<T[]>> parse) where T : class
    {
        while (true)
        {
            if (_entries.TryGetValue(listed.Key, out var held) && held.Version == listed.Version) return held;
            var fresh = new Entry(listed.Version, entry => Load(listed.Key, entry, parse));
            if (held is null ? !_entries.TryAdd(listed.Key, fresh) : !_entries.TryUpdate(listed.Key, fresh, held)) continue;
            if (held is not null) Release(held);
            return fresh;
        }
    }

    private async Task<object?> Load<T>(string key, Entry entry, Func<Stream, Task<T[]>> parse) where T : class
    {
        await using var stream = await store.TryGetAsync(key, CancellationToken.None);
        if (stream is null)
        {
            Drop(key, entry);
            return null;
        }
        var rows = await parse(stream);
        Interlocked.Add(ref _rows, rows.Length);
        entry.Count(rows.Length);
        // Replaced by a newer version (or dropped) while it loaded: its rows are not held.
        if (!_entries.TryGetValue(key, out var current) || current != entry) Release(entry);
        else if (Rows > maxRows) Evict();
        return rows;
    }

    private void Evict()
    {
        foreach (var (key, entry) in _entries.OrderBy(e => e.Value.LastUsed))
        {
            if (Rows <= maxRows * 3 / 4) break;
            if (entry.Counted > 0) Drop(key, entry);
        }
    }

    private void Drop(string key, Entry entry)
    {
        if (_entries.TryRemove(new KeyValuePair<string, Entry>(key, entry))) Release(entry);
    }

    /// <summary>Takes an entry's rows off the budget, once, whichever of its replacement and its load comes last.</summary>
    private void Release(Entry entry) => Interlocked.Add(ref _rows, -entry.Uncount());

    /// <summary>Codes are a few thousand distinct strings over millions of rows: one copy each.</summary>
    private StationChange ToChange(ChangeRow row)
    {
        row.StationCode = _codes.GetOrAdd(row.StationCode, row.StationCode);
        return row.ToChange();
    }

    private sealed class Entry
    {
        private readonly Lazy<Task<object?>> _rows;
        private long _counted;

        /// <summary>The load starts on the first read, so an entry that lost the race to be cached reads nothing.</summary>
        public Entry(string version, Func<Entry, Task<object?>> load)
        {
            Version = version;
            _rows = new Lazy<Task<object?>>(() => load(this));
        }

        public string Version { get; }

        public Task<object?> Rows => _rows.Value;

        public long LastUsed { get; set; }

        public long Counted => Interlocked.Read(ref _counted);

        public void Count(long rows) => Interlocked.Exchange(ref _counted, rows);

        public long Uncount() => Interlocked.Exchange(ref _counted, 0);
    }
}
