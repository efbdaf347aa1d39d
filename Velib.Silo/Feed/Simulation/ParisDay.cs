namespace Velib.Silo.Feed.Simulation;

/// <summary>The rhythm of a Paris weekday, as functions of the hour in Paris (0 to 24).</summary>
internal static class ParisDay
{
    /// <summary>What the flow has moved so far: 0 at night, 1 through office hours (the morning rush done, the evening one not yet).</summary>
    public static double WorkLevel(double hour) => Smooth((hour - 7.3) / 2.4) - Smooth((hour - 16.8) / 3.0);

    /// <summary>How far the buttes have drained: 0 at 06:00 after the night's refill by van, 1 at 22:30.</summary>
    public static double HillDrain(double hour) => hour is >= 6 and < 22.5 ? (hour - 6) / 16.5 : Math.Max(0, 1 - (hour + 24 - 22.5) % 24 / 7.5);

    /// <summary>E-bikes' share of the bikes docked: riders take them first, so it falls through the day, and the night restores it.</summary>
    public static double EbikeShare(double hour) => 0.44 - 0.12 * Smooth((hour - 7) / 12);

    /// <summary>The hour in Paris: Europe/Paris when the time-zone database is present, else CET.</summary>
    public static double Hour(DateTime utc)
    {
        var local = TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Paris", out var paris)
            ? TimeZoneInfo.ConvertTimeFromUtc(utc, paris) : utc.AddHours(1);
        return local.TimeOfDay.TotalHours;
    }

    private static double Smooth(double x)
    {
        x = Math.Clamp(x, 0, 1);
        return x * x * (3 - 2 * x);
    }
}
