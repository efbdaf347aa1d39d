using Velib.Contracts.Systems;
using System.Diagnostics;
using StackExchange.Redis;
using Velib.Contracts.Feed;
using Velib.Contracts.Stations;
using Velib.Silo.Feed;
using Velib.ServiceDefaults;

namespace Velib.Silo.Stations;

/// <summary>
/// The stations' last 24 h of changes, for station grains that activate on this silo. In the store it is one
/// sorted set per system: one packed value per cycle (<see cref="PackedChanges"/>), scored by the cycle's time and
/// written by the spool's append script, so a change costs the store one row, not a rewrite of a station's day.
/// Here it is read incrementally (only values newer than the last one read) and indexed by station.
/// </summary>
internal sealed class RecentChanges([FromKeyedServices(StoreConnection.Name)] IConnectionMultiplexer store, FeedClock clock)
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<long, List<StationChange>> _byStation = [];
    private double _readUntil = double.NegativeInfinity;
    private long _lastRead;
    private DateTime _prunedUtc;

    public static RedisKey Key(string system) => $"velib:{{{system}}}:recent";

    /// <summary>A cycle's score: its time in whole Unix milliseconds, exact in a double.</summary>
    public static double Score(DateTime utc) => Math.Floor((utc - DateTime.UnixEpoch).TotalMilliseconds);

    /// <summary>A station's changes in the last 24 h of the feed's clock, oldest first, as of now in the store.</summary>
    public async Task<List<StationChange>> HistoryAsync(long stationId)
    {
        var asked = Stopwatch.GetTimestamp();
        await _gate.WaitAsync();
        try
        {
            // A read that started after this call has completed while we waited: it saw everything we must see.
            // So a burst of activations costs a read or two, not one each.
            if (_lastRead < asked) await ReadNewAsync();
            var horizon = clock.UtcNow - Window;
            return _byStation.TryGetValue(stationId, out var changes) ? [.. changes.Where(c => c.ObservedUtc >= horizon)] : [];
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Every change in the store's recent log after <paramref name="afterUtc"/>, oldest first (not indexed: read once).</summary>
    public async Task<List<StationChange>> SinceAsync(DateTime afterUtc)
    {
        var values = await store.GetDatabase().SortedSetRangeByScoreAsync(Key(SystemId.Velib.Value), Score(afterUtc), double.PositiveInfinity, Exclude.Start);
        return [.. values.SelectMany(v => PackedChanges.Unpack((byte[])v!))];
    }

    private async Task ReadNewAsync()
    {
        _lastRead = Stopwatch.GetTimestamp();
        var values = await store.GetDatabase().SortedSetRangeByScoreWithScoresAsync(Key(SystemId.Velib.Value), _readUntil, double.PositiveInfinity, Exclude.Start);
        foreach (var entry in values)
        {
            foreach (var change in PackedChanges.Unpack((byte[])entry.Element!))
            {
                if (!_byStation.TryGetValue(change.StationId, out var list)) _byStation[change.StationId] = list = [];
                list.Add(change);
            }
            _readUntil = Math.Max(_readUntil, entry.Score);
        }
        Prune();
    }

    /// <summary>At most hourly, drops what has left the window, so that memory holds a day of changes.</summary>
    private void Prune()
    {
        var now = clock.UtcNow;
        if (now - _prunedUtc < TimeSpan.FromHours(1)) return;
        _prunedUtc = now;
        var horizon = now - Window;
        foreach (var (id, list) in _byStation.ToList())
        {
            list.RemoveAll(c => c.ObservedUtc < horizon);
            if (list.Count == 0) _byStation.Remove(id);
        }
    }
}
