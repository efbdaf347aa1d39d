namespace Velib.Web.Live;

/// <summary>
/// The last <see cref="Size"/> steps of the live network, so that a reconnecting stream (<c>Last-Event-ID</c>) or a
/// <c>?since=</c> request is answered from memory, with bytes already encoded. Bounded: older steps fall off, and a
/// client that far behind gets the whole network instead.
/// </summary>
public sealed class DeltaRing(int size)
{
    private readonly Lock _gate = new();
    private readonly Queue<RingEntry> _entries = new();

    public int Size => size;

    public void Add(RingEntry entry)
    {
        lock (_gate)
        {
            // A step that does not follow the last one (a reload) starts a new chain.
            if (_entries.Count > 0 && _entries.Last().To != entry.From) _entries.Clear();
            _entries.Enqueue(entry);
            while (_entries.Count > size) _entries.Dequeue();
        }
    }

    public void Clear()
    {
        lock (_gate) _entries.Clear();
    }

    /// <summary>
    /// The steps after <paramref name="version"/>, in order, or null when the ring does not reach back to it.
    /// Empty when <paramref name="version"/> is the last step's end.
    /// </summary>
    public IReadOnlyList<RingEntry>? After(long version)
    {
        lock (_gate)
        {
            if (_entries.Count == 0) return null;
            if (_entries.Last().To == version) return [];
            var after = _entries.SkipWhile(e => e.From != version).ToList();
            return after.Count == 0 ? null : after;
        }
    }
}
