using Velib.Gbfs;
using Velib.Tests.Support;

namespace Velib.Tests.Forecast;

/// <summary>Paris time, with the system's time zone data or, without it, the built-in European rule.</summary>
[Unit]
public sealed class ParisTimeTests
{
    private static DateTime Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(2026, 3, 29, 0, 59, 1, 59)] // the last minute of winter time
    [InlineData(2026, 3, 29, 1, 0, 3, 0)] // summer time: 02:00 is skipped
    [InlineData(2026, 10, 25, 0, 59, 2, 59)] // the last minute of summer time
    [InlineData(2026, 10, 25, 1, 0, 2, 0)] // winter time: 02:00 again
    [InlineData(2025, 11, 10, 13, 30, 14, 30)]
    [InlineData(2025, 7, 14, 22, 0, 0, 0)]
    public void The_built_in_rule_gives_paris_time_on_either_side_of_each_change(int y, int mo, int d, int h, int mi, int parisHour, int parisMinute)
    {
        var paris = ParisTime.Of(Utc(y, mo, d, h, mi), ParisTime.EuropeanRule);

        Assert.Equal((parisHour, parisMinute), (paris.Hour, paris.Minute));
    }

    [Fact]
    public void The_built_in_rule_agrees_with_the_system_zone_every_hour_from_2000_to_2035()
    {
        Assert.True(TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Paris", out var system), "this machine has no Europe/Paris time zone data to compare with");
        var disagreements = new List<DateTime>();
        for (var at = Utc(2000, 1, 1, 0); at < Utc(2035, 1, 1, 0); at = at.AddHours(1))
        {
            if (ParisTime.Of(at, system) != ParisTime.Of(at, ParisTime.EuropeanRule)) disagreements.Add(at);
        }

        Assert.Empty(disagreements);
    }

    [Fact]
    public void A_saturday_evening_in_utc_is_a_sunday_hour_in_paris_and_counts_as_a_weekend()
    {
        Assert.Equal((0, true), ParisTime.HourAndWeekend(Utc(2026, 11, 28, 23)));
        Assert.Equal((0, false), ParisTime.HourAndWeekend(Utc(2026, 11, 29, 23)));
    }

    [Fact]
    public void A_paris_day_starts_at_its_local_midnight_and_a_skipped_time_is_read_an_hour_later()
    {
        Assert.Equal(Utc(2026, 7, 13, 22), ParisTime.DayStartUtc(Utc(2026, 7, 14, 12)));
        Assert.Equal(Utc(2026, 3, 29, 1, 30), ParisTime.ToUtc(new DateTime(2026, 3, 29, 2, 30, 0)));
    }
}
