using Velib.Contracts.Stations;
using Velib.Web.Api;
using Velib.Tests.Support;

namespace Velib.Tests.Map;

/// <summary>The server's thinning of a station's history: its state at from and every step, from the lake's state at the start.</summary>
[Unit]
public sealed class HistorySamplingTests
{
    private static readonly DateTime Monday = new(2026, 11, 23, 0, 0, 0, DateTimeKind.Utc);

    private static StationChange Change(DateTime at, int mechanical, int ebike) => new(1, "1001", at, at, mechanical, ebike, 10, true, true, true, null);

    [Fact]
    public void A_sample_holds_the_last_change_at_or_before_it_stamped_with_its_own_instant()
    {
        List<StationChange> changes = [Change(Monday.AddMinutes(90), 3, 1), Change(Monday.AddHours(3), 0, 0)];

        var samples = HistorySampling.Sample(Change(Monday.AddDays(-2), 7, 2), changes, Monday, Monday.AddHours(4), TimeSpan.FromHours(1));

        Assert.Equal([(Monday, 9), (Monday.AddHours(1), 9), (Monday.AddHours(2), 4), (Monday.AddHours(3), 0)],
            samples.Select(p => (p.ObservedUtc, p.Mechanical + p.Ebike)));
    }

    [Fact]
    public void Without_a_state_at_the_start_the_steps_before_the_first_change_are_left_out()
    {
        List<StationChange> changes = [Change(Monday.AddMinutes(90), 3, 1)];

        var samples = HistorySampling.Sample(null, changes, Monday, Monday.AddHours(3), TimeSpan.FromHours(1));

        Assert.Equal([Monday.AddHours(2)], samples.Select(p => p.ObservedUtc));
    }

    [Fact]
    public void A_month_of_a_busy_station_is_one_point_an_hour()
    {
        // A change every 3 minutes for 30 days: 14,400 changes.
        var changes = Enumerable.Range(0, 30 * 24 * 20).Select(i => Change(Monday.AddMinutes(3 * i + 1), i % 7, i % 3)).ToList();

        var samples = HistorySampling.Sample(null, changes, Monday, Monday.AddDays(30), TimeSpan.FromHours(1));

        Assert.Equal(30 * 24 - 1, samples.Count); // the first hour has no state yet
        Assert.Equal(Monday.AddDays(30).AddHours(-1), samples[^1].ObservedUtc);
        Assert.Equal(changes.Last(c => c.ObservedUtc <= samples[^1].ObservedUtc).Mechanical, samples[^1].Mechanical);
    }
}
