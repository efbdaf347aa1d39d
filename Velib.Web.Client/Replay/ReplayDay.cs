using Velib.Contracts.Archive;

namespace Velib.Web.Replay;

/// <summary>
/// Where the date picker moves the replay: the picked Paris day at the time of day shown now (a rider comparing
/// 08:00 on two days keeps 08:00), kept inside what the archive covers.
/// </summary>
public static class ReplayDay
{
    /// <summary>The first and last Paris days a replay can show; null while the archive holds no checkpoint.</summary>
    public static (DateTime First, DateTime Last)? Days(ArchiveRange range) =>
        range.FirstUtc is { } first ? (ParisTime.Of(first).Date, ParisTime.Of(range.LastUtc).Date) : null;

    public static DateTime Target(DateTime pickedDay, DateTime shownUtc, ArchiveRange range)
    {
        var utc = ParisTime.ToUtc(pickedDay.Date + ParisTime.Of(shownUtc).TimeOfDay);
        if (range.FirstUtc is { } first && utc < first) return first;
        return utc > range.LastUtc ? range.LastUtc : utc;
    }
}
