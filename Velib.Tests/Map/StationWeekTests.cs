using Velib.Contracts.Stations;
using Velib.Web.Replay;

namespace Velib.Tests.Map;

/// <summary>The 7-day chart's sampling and the typical day of a station.</summary>
public sealed class StationWeekTests
{
    private static readonly DateTime Monday = new(2026, 11, 23, 0, 0, 0, DateTimeKind.Utc);

    private static StationChange Change(DateTime at, int mechanical, int ebike) => new(1, "1001", at, at, mechanical, ebike, 10, true, true, true, null);

    [Fact]
    public void A_sample_holds_the_last_change_at_or_before_it_and_nothing_before_the_first_change()
    {
        List<StationChange> changes = [Change(Monday.AddMinutes(90), 3, 1), Change(Monday.AddHours(3), 0, 0)];

        var samples = StationWeek.Sample(changes, Monday, Monday.AddHours(4), TimeSpan.FromHours(1));

        Assert.Equal([(Monday.AddHours(2), 4), (Monday.AddHours(3), 0), (Monday.AddHours(4), 0)], samples);
    }

    [Fact]
    public void The_typical_day_is_the_mean_by_paris_hour_over_the_days_sampled()
    {
        // 07:00 UTC is 08:00 in Paris in November (UTC+1).
        List<(DateTime, int)> samples = [(Monday.AddHours(7), 10), (Monday.AddDays(1).AddHours(7), 4), (Monday.AddHours(12), 7)];

        var typical = StationWeek.TypicalDay(samples);

        Assert.Equal(7.0, typical[8]);
        Assert.Equal(7.0, typical[13]);
        Assert.Null(typical[3]);
    }
}
