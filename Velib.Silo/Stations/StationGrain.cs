using System.Collections.Immutable;
using Velib.Contracts.Stations;

namespace Velib.Silo.Stations;

/// <summary>
/// One station: its latest state and its last 24 h of changes, in memory. The archive, not this grain,
/// is the durable record, so a reactivated grain simply starts a new baseline.
/// </summary>
internal sealed class StationGrain(TimeProvider time) : Grain, IStationGrain
{
    private static readonly TimeSpan HistoryWindow = TimeSpan.FromHours(24);
    private readonly Queue<StationChange> _history = new();
    private Station? _current;
    private DateTime _lastObservedUtc;

    public Task<StationChange?> Apply(Station observed, DateTime observedUtc, DateTime feedUpdatedUtc)
    {
        // A replay of an older poll must not rewrite newer state.
        if (observedUtc < _lastObservedUtc)
        {
            return Task.FromResult<StationChange?>(null);
        }
        _lastObservedUtc = observedUtc;
        var isChange = _current is null || _current.AvailabilityDiffers(observed);
        _current = observed with { LastChangeUtc = isChange ? observedUtc : _current!.LastChangeUtc };
        Trim();
        if (!isChange)
        {
            return Task.FromResult<StationChange?>(null);
        }
        var change = StationChange.Of(observed, observedUtc, feedUpdatedUtc);
        _history.Enqueue(change);
        return Task.FromResult<StationChange?>(change);
    }

    public Task<StationDetail?> GetDetail()
    {
        Trim();
        return Task.FromResult(_current is null ? null : new StationDetail(_current, [.. _history]));
    }

    private void Trim()
    {
        var horizon = time.GetUtcNow().UtcDateTime - HistoryWindow;
        while (_history.TryPeek(out var oldest) && oldest.ObservedUtc < horizon)
        {
            _history.Dequeue();
        }
    }
}
