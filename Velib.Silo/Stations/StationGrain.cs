using Velib.Contracts.Systems;
using Velib.Contracts.Feed;
using Velib.Contracts.Stations;
using Velib.Silo.Feed;

namespace Velib.Silo.Stations;

/// <summary>
/// One station: its latest state and its last 24 h of changes. It writes nothing to the store: the spool's append
/// script has already put each change in the recent log (<see cref="RecentChanges"/>) before the fan-out calls
/// <see cref="Apply"/>, and the ingestion grain holds every station's latest state. So a change costs the store
/// one packed row instead of a rewrite of the station's day, and any reactivation (idle collection, a lost silo,
/// a restart) serves the same detail and history. (Versions before 2026-12-01 persisted a state per station; the
/// history it held is past the 24 h window everywhere by now, so it is no longer read.)
/// </summary>
internal sealed class StationGrain(RecentChanges recent, FeedClock clock) : Grain, IStationGrain
{
    private List<StationChange> _history = [];
    private Station? _current;
    private DateTime _lastObservedUtc;

    private long Id => this.GetPrimaryKeyLong(out _);

    // The key extension is the system's id (IStationGrain is keyed by station key and system).
    private string System
    {
        get
        {
            this.GetPrimaryKeyLong(out var system);
            return system ?? SystemId.Velib.Value;
        }
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _history = await recent.HistoryAsync(Id);
    }

    public Task Apply(Station observed, DateTime observedUtc, DateTime feedUpdatedUtc)
    {
        // A replay of an older poll must not rewrite newer state.
        if (observedUtc < _lastObservedUtc) return Task.CompletedTask;
        var last = _history.Count > 0 ? _history[^1] : null;
        var isChange = _current is not null ? _current.AvailabilityDiffers(observed) : last is null || Differs(last, observed);
        _current = observed with { LastChangeUtc = isChange ? observedUtc : _current?.LastChangeUtc ?? last?.ObservedUtc ?? observed.LastChangeUtc };
        _lastObservedUtc = observedUtc;
        if (!isChange) return Task.CompletedTask;
        // The recent log read at activation may already hold this very change.
        if (last is null || last.ObservedUtc < observedUtc) _history.Add(StationChange.Of(observed, observedUtc, feedUpdatedUtc));
        Trim();
        return Task.CompletedTask;
    }

    public async Task<StationDetail?> GetDetail()
    {
        // Activated by a reader rather than by the fan-out: the latest state is the ingestion grain's.
        _current ??= await GrainFactory.GetGrain<IFeedIngestionGrain>(System).GetStation(Id);
        if (_current is null) return null;
        var horizon = clock.UtcNow - RecentChanges.Window;
        return new StationDetail(_current, [.. _history.Where(c => c.ObservedUtc >= horizon)]);
    }

    private static bool Differs(StationChange last, Station s) =>
        (last.Mechanical, last.Ebike, last.Docks, last.Installed, last.Renting, last.Returning) != (s.Mechanical, s.Ebike, s.Docks, s.Installed, s.Renting, s.Returning);

    private void Trim()
    {
        var horizon = clock.UtcNow - RecentChanges.Window;
        var old = _history.FindIndex(c => c.ObservedUtc >= horizon);
        _history.RemoveRange(0, old < 0 ? _history.Count : old);
    }
}
