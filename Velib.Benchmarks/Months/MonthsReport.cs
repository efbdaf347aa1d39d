using System.Globalization;
using System.Text;

namespace Velib.Benchmarks.Months;

/// <summary>The long run's figures as text: a line per day while it runs, a Markdown table at the end.</summary>
internal static class MonthsReport
{
    private const double MiB = 1 << 20;

    public static string Line(MonthsDay d) => string.Create(CultureInfo.InvariantCulture,
        $"day {d.Day,3} {d.Date:yyyy-MM-dd}: {d.Changes,8:N0} changes, {d.BytesPerChange,5:N0} B/change, AOF to replay {d.AofLength / MiB,6:N1} MiB, "
        + $"folder {d.FolderBytes / MiB,6:N1} MiB, store RSS {d.StoreRss / MiB,5:N0} MiB, silo RSS {d.SiloRss / MiB,5:N0} MiB, "
        + $"pending {d.Pending,6:N0}, cycle p50 {d.CycleP50Ms,5:N1} ms, {d.Seconds,5:N1} s");

    public static string Table(IReadOnlyList<MonthsDay> days, MonthsRestart restart)
    {
        var text = new StringBuilder();
        text.AppendLine("| day | date | changes | B/change | AOF to replay (MiB) | data folder (MiB) | store RSS (MiB) | silo RSS (MiB) | cycle p50 (ms) |");
        text.AppendLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|");
        // Every day of the first week, then one a week and the last, so that a month fits a README.
        foreach (var d in days.Where(d => d.Day <= 7 || d.Day % 7 == 0 || d.Day == days.Count))
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {d.Day} | {d.Date:yyyy-MM-dd} | {d.Changes:N0} | {d.BytesPerChange:N0} | {d.AofLength / MiB:N1} | {d.FolderBytes / MiB:N1} | {d.StoreRss / MiB:N0} | {d.SiloRss / MiB:N0} | {d.CycleP50Ms:N1} |"));
        }
        var changes = days.Sum(d => d.Changes);
        var bytes = days.Sum(d => d.AofBytes);
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"\n{days.Count} days: {changes:N0} changes ({changes / Math.Max(1, days.Count):N0} a day), {bytes / MiB:N0} MiB appended to the AOF, {(double)bytes / Math.Max(1, changes):N0} B per change; run {days.Sum(d => d.Seconds) / 60:N1} min"));
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"restart on a {restart.FolderBytes / MiB:N1} MiB folder: store {restart.Store.TotalSeconds:N2} s (AOF tail replayed {restart.AofReplayed / MiB:N1} MiB), "
            + $"silo {restart.Silo.TotalSeconds:N2} s, network served {restart.Served.TotalSeconds:N2} s ({restart.Stations:N0} stations, {restart.HistoriesChecked} histories identical): "
            + $"{restart.ToServing.TotalSeconds:N2} s to serving; first poll {restart.FirstPoll.TotalSeconds:N2} s ({restart.FirstPollChanges} changes)"));
        return text.ToString();
    }
}
