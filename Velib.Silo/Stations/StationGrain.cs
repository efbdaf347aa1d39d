using Velib.Contracts.Stations;

namespace Velib.Silo.Stations;

/// <summary>
/// One station: its latest state and its last 24 h of changes, persisted in the store. Memory is a cache: any
/// reactivation (idle collection, a lost silo, a restart) serves the same detail and history. Called by the
/// ingestion grain only when something about the station changed, and it writes only then.
/// </summary>
internal sealed class StationGrain(
    [PersistentState("station")] IPersistentState<StationState> state, TimeProvider time) : Grain, IStationGrain
{
    private static readonly TimeSpan HistoryWindow = TimeSpan.FromHours(24);

    // The persisted history, unpacked once per activation.
    private List<StationChange> _history = [];

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var s = state.State;
        _history = s.History is { Count: > 0 } legacy ? legacy
            : s.Current is null ? [] : PackedHistory.Unpack(s.HistoryData, s.Current.Id, s.Current.Code);
        s.History = null;
        return Task.CompletedTask;
    }

    public async Task<StationChange?> Apply(Station observed, DateTime observedUtc, DateTime feedUpdatedUtc)
    {
        var s = state.State;
        // A replay of an older poll must not rewrite newer state.
        if (observedUtc < s.LastObservedUtc)
        {
            return null;
        }
        var isChange = s.Current is null || s.Current.AvailabilityDiffers(observed);
        var next = observed with { LastChangeUtc = isChange ? observedUtc : s.Current!.LastChangeUtc };
        if (!isChange && next == s.Current)
        {
            // Equal input (a cycle re-run after a lost silo): nothing to write.
            return null;
        }
        var change = isChange ? StationChange.Of(observed, observedUtc, feedUpdatedUtc) : null;
        s.Current = next;
        s.LastObservedUtc = observedUtc;
        if (change is not null) _history.Add(change);
        Trim(_history);
        s.HistoryData = PackedHistory.Pack(_history);
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Memory is now ahead of the store. The cycle fails and runs again, and that re-run would find
            // equal input and write nothing: so start the next call from what the store has.
            DeactivateOnIdle();
            throw;
        }
        return change;
    }

    public Task<StationDetail?> GetDetail()
    {
        var s = state.State;
        var horizon = time.GetUtcNow().UtcDateTime - HistoryWindow;
        return Task.FromResult(s.Current is null ? null
            : new StationDetail(s.Current, [.. _history.Where(c => c.ObservedUtc >= horizon)]));
    }

    private void Trim(List<StationChange> history)
    {
        var horizon = time.GetUtcNow().UtcDateTime - HistoryWindow;
        var old = history.FindIndex(c => c.ObservedUtc >= horizon);
        history.RemoveRange(0, old < 0 ? history.Count : old);
    }
}
