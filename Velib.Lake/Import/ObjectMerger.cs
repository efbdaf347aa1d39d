namespace Velib.Lake.Import;

/// <summary>
/// Writes import rows into lake objects without ever losing or doubling a row. Rows are keyed by
/// (<c>station_id</c>, <c>observed_at</c>); where an object already holds a key, <b>the row already in the lake wins</b>
/// (live ingestion's, or an earlier import's), and the import only adds keys the object lacks. An object that would
/// not change is not written.
/// </summary>
internal sealed class ObjectMerger(S3ArchiveStore store)
{
    /// <summary>Merges <paramref name="rows"/> into the object at <paramref name="key"/>; returns the rows it added.</summary>
    public async Task<int> MergeAsync(string key, IReadOnlyList<ChangeRow> rows, CancellationToken cancellationToken)
    {
        List<ChangeRow> merged = [];
        if (await store.TryGetAsync(key, cancellationToken) is { } body)
        {
            await using (body) merged.AddRange(await ParquetCodec.ReadAsync<ChangeRow>(body, cancellationToken));
        }
        var present = merged.Select(r => (r.StationId, r.ObservedAt)).ToHashSet();
        var added = rows.Where(r => !present.Contains((r.StationId, r.ObservedAt))).ToList();
        if (added.Count == 0) return 0;
        merged.AddRange(added);
        await PutAsync(key, [.. merged.OrderBy(r => r.ObservedAt).ThenBy(r => r.StationId)], cancellationToken);
        return added.Count;
    }

    /// <summary>Writes the object unless one is already at <paramref name="key"/>; true when it wrote.</summary>
    public async Task<bool> PutIfAbsentAsync<T>(string key, IReadOnlyCollection<T> rows, CancellationToken cancellationToken) where T : class, new()
    {
        if ((await store.ListAsync(key, cancellationToken)).Contains(key)) return false;
        await PutAsync(key, rows, cancellationToken);
        return true;
    }

    public async Task PutAsync<T>(string key, IReadOnlyCollection<T> rows, CancellationToken cancellationToken) where T : class, new() =>
        await store.PutAsync(key, await ParquetCodec.WriteAsync(rows, cancellationToken, System.IO.Compression.CompressionLevel.Optimal), cancellationToken);
}
