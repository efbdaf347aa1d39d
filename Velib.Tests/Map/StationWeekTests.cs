using Velib.Web.Replay;
using Velib.Tests.Support;

namespace Velib.Tests.Map;

/// <summary>The typical day of a station, from the samples of its week or month.</summary>
[Unit]
public sealed class StationWeekTests
{
    private static readonly DateTime Monday = new(2026, 11, 23, 0, 0, 0, DateTimeKind.Utc);

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
