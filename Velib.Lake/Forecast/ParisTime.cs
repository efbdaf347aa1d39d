namespace Velib.Lake.Forecast;

/// <summary>Hours and weekdays as Paris lives them (the city's day, not UTC's).</summary>
public static class ParisTime
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static (int Hour, bool Weekend) Of(DateTime utc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(utc, Paris);
        return (local.Hour, local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
    }
}
