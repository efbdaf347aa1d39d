using Velib.Contracts.Archive;
using Velib.Contracts.Stations;
using Velib.Web.Replay;

namespace Velib.Web.Map;

// The network chart: the selected day (today when live, the replayed day otherwise) from the lake's timeline, and
// when live, a tail that each push moves on.
public sealed partial class MapPage
{
    private static readonly TimeSpan DayStep = TimeSpan.FromMinutes(5);
    private List<TimelinePoint> _day = [];
    private TimelinePoint? _liveTail;
    private string _dayLabel = "";

    private IReadOnlyList<TimelinePoint> DayPoints => _liveTail is null ? _day : [.. _day, _liveTail];

    private async Task LoadDayAsync(DateTime? replayAt)
    {
        _liveTail = null;
        try
        {
            var range = _range = await Archive.GetRange();
            var anchor = replayAt ?? range.LastUtc;
            var start = ParisTime.DayStartUtc(anchor);
            _dayLabel = ParisTime.Format(anchor, "dddd d MMM");
            var from = range.FirstUtc is { } first && first > start ? first : start;
            var to = start.AddDays(1) < range.LastUtc ? start.AddDays(1) : range.LastUtc;
            _day = range.FirstUtc is null || from >= to ? [] : [.. await Archive.GetTimeline(from, to, DayStep)];
        }
        catch (Exception ex) when (ArchiveUnavailable(ex))
        {
            // The archive cannot be read (S3 down, the cluster failing over): the chart says so, the live map carries on.
            _day = [];
            _replayProblem ??= ex.Message;
        }
    }

    /// <summary>
    /// What a read of the archive may meet that is not a bug: S3, the store or the cluster failing (the API's problem,
    /// as <see cref="IArchive"/> reports it), or the web itself unreachable.
    /// </summary>
    private static bool ArchiveUnavailable(Exception ex) =>
        ex is InvalidOperationException or TimeoutException or HttpRequestException;

    private void MoveLiveTail(NetworkTotals totals)
    {
        // The tail is the latest push; once it is a step past the last point it becomes a point of its own.
        if (_liveTail is { } tail && tail.AtUtc - (_day.Count > 0 ? _day[^1].AtUtc : DateTime.MinValue) >= DayStep) _day.Add(tail);
        _liveTail = new TimelinePoint(Time.GetUtcNow().UtcDateTime, totals.Stations, totals.Bikes, totals.Mechanical, totals.Ebikes,
            totals.FreeDocks, totals.EmptyStations, totals.FullStations);
    }
}
