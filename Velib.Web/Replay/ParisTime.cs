using System.Globalization;

namespace Velib.Web.Replay;

/// <summary>Times as riders read them: Paris local time.</summary>
public static class ParisTime
{
    private static readonly TimeZoneInfo? Zone = TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Paris", out var z) ? z : null;

    public static DateTime Of(DateTime utc) => Zone is null ? utc : TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>In the rider's language: "lundi 30 nov." or "Monday 30 Nov".</summary>
    public static string Format(DateTime utc, string format) => Of(utc).ToString(format, CultureInfo.CurrentCulture);

    /// <summary>The UTC start of the Paris day that <paramref name="utc"/> falls in.</summary>
    public static DateTime DayStartUtc(DateTime utc) => ToUtc(Of(utc).Date);

    /// <summary>A Paris wall-clock time in UTC; a time the spring change skips (02:30 that night) is read an hour later.</summary>
    public static DateTime ToUtc(DateTime paris)
    {
        var local = DateTime.SpecifyKind(paris, DateTimeKind.Unspecified);
        if (Zone is null) return DateTime.SpecifyKind(local, DateTimeKind.Utc);
        if (Zone.IsInvalidTime(local)) local = local.AddHours(1);
        return TimeZoneInfo.ConvertTimeToUtc(local, Zone);
    }
}
