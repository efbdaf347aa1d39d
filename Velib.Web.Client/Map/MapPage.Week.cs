using Velib.Contracts.Stations;

namespace Velib.Web.Map;

// The open station's last 7 days, read from the lake after the detail shows: a cold read may take a moment.
public sealed partial class MapPage
{
    private static readonly TimeSpan WeekSpan = TimeSpan.FromDays(7);
    private IReadOnlyList<StationChange>? _week;
    private DateTime _weekFrom, _weekTo;

    private void LoadWeek(long id)
    {
        _week = null;
        _weekTo = _replayAt ?? Time.GetUtcNow().UtcDateTime;
        _weekFrom = _weekTo - WeekSpan;
        InBackground(async () =>
        {
            IReadOnlyList<StationChange> week;
            try
            {
                week = await Archive.GetChanges(id, _weekFrom, _weekTo.AddSeconds(1));
            }
            catch (Exception ex) when (ArchiveUnavailable(ex))
            {
                week = []; // the archive cannot be read now: the chart says there is no history
            }
            if (_selected?.Id != id) return; // another station was opened meanwhile
            _week = week;
            StateHasChanged();
        });
    }
}
