using Velib.Contracts.Stations;
using Velib.Web.Replay;

namespace Velib.Web.Map;

// The open station's archived day, week or month, thinned by the server and read after the detail shows: a cold
// read of a month may take a moment.
public sealed partial class MapPage
{
    private HistorySpan _span = HistorySpan.Week;
    private IReadOnlyList<StationChange>? _week;
    private DateTime _weekFrom, _weekTo;

    private Task OnSpanChanged(HistorySpan span)
    {
        _span = span;
        if (_selected is { } station) LoadWeek(station.Id);
        return Task.CompletedTask;
    }

    private void LoadWeek(long id)
    {
        _week = null;
        var span = _span;
        _weekTo = _replayAt ?? Time.GetUtcNow().UtcDateTime;
        _weekFrom = _weekTo - span.Length;
        var (from, to) = (_weekFrom, _weekTo);
        InBackground(async () =>
        {
            IReadOnlyList<StationChange> samples;
            try
            {
                // The server answers from the archive's first checkpoint on: a younger lake gives a shorter chart.
                var first = (_range ??= await Archive.GetRange()).FirstUtc;
                var start = first is { } f && f > from ? f : from;
                samples = first is null || start >= to ? [] : await Archive.GetSamples(id, start, to.AddSeconds(1), span.Step);
            }
            catch (Exception ex) when (ArchiveUnavailable(ex))
            {
                samples = []; // the archive cannot be read now: the chart says there is no history
            }
            if (_selected?.Id != id || _span != span || _weekTo != to) return; // another station, span or time was picked meanwhile
            _week = samples;
            StateHasChanged();
        });
    }
}
