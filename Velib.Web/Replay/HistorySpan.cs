namespace Velib.Web.Replay;

/// <summary>
/// How far back a station's archived chart looks, and how finely: the server thins the history to one point a
/// step, so a month is 720 hourly points whatever the station's traffic.
/// </summary>
/// <param name="Key">The span's name in the page (<c>day</c>, <c>week</c>, <c>month</c>) and the start of its text keys.</param>
public sealed record HistorySpan(string Key, TimeSpan Length, TimeSpan Step)
{
    public static readonly HistorySpan Day = new("day", TimeSpan.FromDays(1), TimeSpan.FromMinutes(10));
    public static readonly HistorySpan Week = new("week", TimeSpan.FromDays(7), TimeSpan.FromHours(1));

    /// <summary>30 days: inside the API's 31-day window.</summary>
    public static readonly HistorySpan Month = new("month", TimeSpan.FromDays(30), TimeSpan.FromHours(1));

    public static readonly IReadOnlyList<HistorySpan> All = [Day, Week, Month];

    /// <summary>Bikes are averaged by hour of day only over several days: a single day has no "typical".</summary>
    public bool HasTypicalDay => Length > TimeSpan.FromDays(1);
}
