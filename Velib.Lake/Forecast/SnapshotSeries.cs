namespace Velib.Lake.Forecast;

/// <summary>
/// The network sampled from the lake's changes, at least <see cref="Spacing"/> apart, packed four bytes a station:
/// 180 days of a one-minute feed are about 8,700 samples (53 MB), and the pairs are made from them on the fly,
/// never held, so that fitting needs little memory.
/// </summary>
public sealed class SnapshotSeries
{
    /// <summary>Samples are at least this far apart (less a minute, so that half-hourly feeds keep every snapshot).</summary>
    public static readonly TimeSpan Spacing = TimeSpan.FromMinutes(29);

    /// <summary>The horizons paired: each sample with the first later one no more than half a spacing short of this far ahead.</summary>
    private static readonly TimeSpan[] Horizons = [TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(3)];

    private readonly Dictionary<long, int> _index = [];
    private readonly List<long> _ids = [];
    private readonly List<int> _current = [];
    private readonly List<DateTime> _times = [];
    private readonly List<int[]> _samples = [];
    private DateTime? _pending;

    public int Count => _samples.Count;

    public DateTime? FirstUtc => _times.Count > 0 ? _times[0] : null;

    public DateTime? LastUtc => _times.Count > 0 ? _times[^1] : null;

    /// <summary>A station's state before any change (the window's first checkpoint).</summary>
    public void Set(long stationId, int mechanical, int ebike, int docks, bool inService)
    {
        if (!_index.TryGetValue(stationId, out var i))
        {
            _index[stationId] = i = _ids.Count;
            _ids.Add(stationId);
            _current.Add(0);
        }
        _current[i] = 1 | (inService ? 2 : 0) | (Math.Clamp(mechanical, 0, 255) << 2) | (Math.Clamp(ebike, 0, 255) << 10) | (Math.Clamp(docks, 0, 255) << 18);
    }

    /// <summary>A change, in time order: the previous snapshot is complete once a later time is seen.</summary>
    public void Observe(DateTime observedUtc, long stationId, int mechanical, int ebike, int docks, bool inService)
    {
        if (_pending != observedUtc)
        {
            Finish();
            _pending = observedUtc;
        }
        Set(stationId, mechanical, ebike, docks, inService);
    }

    /// <summary>Samples the last snapshot seen, if it is far enough from the previous sample.</summary>
    public void Finish()
    {
        if (_pending is { } at && (_times.Count == 0 || at - _times[^1] >= Spacing))
        {
            _times.Add(at);
            _samples.Add([.. _current]);
        }
        _pending = null;
    }

    /// <summary>Every station in service at a sample and present at a later one, in station-id order (so sums add up the same).</summary>
    public IEnumerable<StockPair> Pairs()
    {
        var order = Enumerable.Range(0, _ids.Count).OrderBy(i => _ids[i]).ToArray();
        var ahead = new List<int>(Horizons.Length);
        for (var i = 0; i < _samples.Count; i++)
        {
            ahead.Clear();
            foreach (var h in Horizons)
            {
                var j = i + 1;
                while (j < _samples.Count && _times[j] - _times[i] < h - Spacing / 2) j++;
                // Past a hole in the history (the feed down for hours), no pair: its gap is not the horizon asked.
                if (j < _samples.Count && _times[j] - _times[i] <= h + TimeSpan.FromTicks(Math.Max(h.Ticks / 2, TimeSpan.FromMinutes(30).Ticks)) && !ahead.Contains(j)) ahead.Add(j);
            }
            var now = _samples[i];
            var b = i - 1;
            while (b >= 0 && _times[i] - _times[b] < Trend.MinAge) b--;
            var before = b >= 0 && _times[i] - _times[b] <= Trend.MaxAge ? _samples[b] : null;
            foreach (var j in ahead)
            {
                var next = _samples[j];
                foreach (var s in order)
                {
                    if (s >= now.Length || (now[s] & 3) != 3 || s >= next.Length || (next[s] & 1) == 0) continue;
                    yield return new StockPair(_ids[s], _times[i], _times[j] - _times[i], Counts(now[s]), Counts(next[s]),
                        before is not null && s < before.Length && (before[s] & 1) != 0 ? Counts(before[s]) : null);
                }
            }
        }
    }

    private static StockCounts Counts(int packed) => new((packed >> 2) & 255, (packed >> 10) & 255, (packed >> 18) & 255);
}
