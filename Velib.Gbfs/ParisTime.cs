using System.Globalization;

namespace Velib.Gbfs;

/// <summary>
/// Times as Paris lives them (the network's <c>Europe/Paris</c>, its GBFS <c>timezone</c>): the forecast's hours and
/// weekdays, and the times riders read. The system's zone is used when it has one; without time zone data (a
/// trimmed container image) it is <see cref="EuropeanRule"/>, the rule Paris has kept since 1996, because falling
/// back to UTC would label times one or two hours off as Paris time, and failing would stop the forecast.
/// </summary>
public static class ParisTime
{
    /// <summary>Central European Time with the EU's summer time: last Sunday of March to last Sunday of October, 01:00 UTC.</summary>
    public static TimeZoneInfo EuropeanRule { get; } = TimeZoneInfo.CreateCustomTimeZone("Europe/Paris", TimeSpan.FromHours(1),
        "Paris", "CET", "CEST",
        [TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(DateTime.MinValue.Date, DateTime.MaxValue.Date, TimeSpan.FromHours(1),
            TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 3, 5, DayOfWeek.Sunday),
            TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 3, 0, 0), 10, 5, DayOfWeek.Sunday))]);

    /// <summary>The zone in use: the system's Europe/Paris, or <see cref="EuropeanRule"/> without time zone data.</summary>
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Paris", out var zone) ? zone : EuropeanRule;

    /// <summary>Paris's wall-clock time at <paramref name="utc"/> (a time of unspecified kind is read as UTC).</summary>
    public static DateTime Of(DateTime utc) => Of(utc, Zone);

    /// <summary>The same in a given zone, so that the fallback is tested on a machine that has the system's.</summary>
    public static DateTime Of(DateTime utc, TimeZoneInfo zone) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    /// <summary>The hour of the Paris day and whether it is a weekend: the forecast's calendar.</summary>
    public static (int Hour, bool Weekend) HourAndWeekend(DateTime utc)
    {
        var local = Of(utc);
        return (local.Hour, local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>In the rider's language: "lundi 30 nov." or "Monday 30 Nov".</summary>
    public static string Format(DateTime utc, string format) => Of(utc).ToString(format, CultureInfo.CurrentCulture);

    /// <summary>The UTC start of the Paris day that <paramref name="utc"/> falls in.</summary>
    public static DateTime DayStartUtc(DateTime utc) => ToUtc(Of(utc).Date);

    /// <summary>A Paris wall-clock time in UTC; a time the spring change skips (02:30 that night) is read an hour later.</summary>
    public static DateTime ToUtc(DateTime paris)
    {
        var local = DateTime.SpecifyKind(paris, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local)) local = local.AddHours(1);
        return TimeZoneInfo.ConvertTimeToUtc(local, Zone);
    }
}
