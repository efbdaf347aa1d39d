using System.Collections.Concurrent;
using Velib.Contracts.Stations;

namespace Velib.Lake.Reading;

/// <summary>
/// Parsed lake objects, by key. Every object is immutable (a key is never rewritten with other rows), so an entry
/// never goes stale; the least recently used ones leave once the cache holds more than its row budget.
/// </summary>
public sealed class LakeObjectCache(S3ArchiveStore store, long maxRows)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new();
    private readonly ConcurrentDictionary<string, string> _codes = new();
    private long _rows, _clock;

    /// <summary>The change rows of a changes, daily or checkpoint object; null when the object no longer exists.</summary>
    public Task<StationChange[]?> ChangesAsync(string key) =>
        GetAsync(key, async stream => (await ParquetCodec.ReadAsync<ChangeRow>(stream)).Select(ToChange).ToArray());

    /// <summary>The rows of a station list object; null when the object no longer exists.</summary>
    public async Task<StationRow[]?> StationsAsync(string key) =>
        await GetAsync(key, async stream => (await ParquetCodec.ReadAsync<StationRow>(stream)).ToArray());

    private async Task<T[]?> GetAsync<T>(string key, Func<Stream, Task<T[]>> parse) where T : class
    {
        var entry = _entries.GetOrAdd(key, k => new Entry(Load(k, parse)));
        entry.LastUsed = Interlocked.Increment(ref _clock);
        try
        {
            return (T[]?)await entry.Rows;
        }
        catch
        {
            // A failed read is not cached: the next reader tries S3 again.
            _entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
            throw;
        }
    }

    private async Task<object?> Load<T>(string key, Func<Stream, Task<T[]>> parse) where T : class
    {
        await using var stream = await store.TryGetAsync(key, CancellationToken.None);
        if (stream is null)
        {
            _entries.TryRemove(key, out _);
            return null;
        }
        var rows = await parse(stream);
        if (Interlocked.Add(ref _rows, rows.Length) > maxRows) Evict();
        return rows;
    }

    private void Evict()
    {
        foreach (var (key, entry) in _entries.OrderBy(e => e.Value.LastUsed))
        {
            if (Interlocked.Read(ref _rows) <= maxRows * 3 / 4) break;
            if (entry.Rows is { IsCompletedSuccessfully: true, Result: Array rows } && _entries.TryRemove(key, out _))
            {
                Interlocked.Add(ref _rows, -rows.Length);
            }
        }
    }

    /// <summary>Codes are a few thousand distinct strings over millions of rows: one copy each.</summary>
    private StationChange ToChange(ChangeRow row)
    {
        row.StationCode = _codes.GetOrAdd(row.StationCode, row.StationCode);
        return row.ToChange();
    }

    private sealed class Entry(Task<object?> rows)
    {
        public Task<object?> Rows => rows;

        public long LastUsed { get; set; }
    }
}
