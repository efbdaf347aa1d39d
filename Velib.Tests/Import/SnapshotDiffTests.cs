using Velib.Lake.Import;
using Velib.Tests.Support;

namespace Velib.Tests.Import;

/// <summary>Snapshots into the lake's rows, as live ingestion would make them.</summary>
[Unit]
public sealed class SnapshotDiffTests
{
    private static Observation At(DateTime t, long id, int mechanical, bool renting = true) =>
        new(id, $"{id}", t, mechanical, 1, 10, true, renting, true, t.AddMinutes(-2));

    [Fact]
    public void A_station_is_a_change_when_first_seen_and_when_its_counts_or_flags_change_but_not_when_only_last_reported_moves()
    {
        var t0 = new DateTime(2026, 1, 5, 10, 5, 0, DateTimeKind.Utc);
        List<Observation> rows =
        [
            At(t0, 1, 3), At(t0, 2, 4),
            At(t0.AddMinutes(20), 1, 3), At(t0.AddMinutes(20), 2, 5),
            At(t0.AddMinutes(40), 1, 3, renting: false), At(t0.AddMinutes(40), 2, 5),
        ];

        var day = Assert.Single(SnapshotDiff.Days(rows));

        Assert.Equal([(1L, t0), (2L, t0), (2L, t0.AddMinutes(20)), (1L, t0.AddMinutes(40))],
            day.Changes.Select(c => (c.StationId, c.ObservedAt)));
        Assert.Equal((3, 6L), (day.Snapshots, day.Observations));
    }

    [Fact]
    public void The_first_snapshot_of_each_hour_writes_a_checkpoint_of_every_station_at_its_latest_change()
    {
        var t0 = new DateTime(2026, 1, 5, 10, 5, 0, DateTimeKind.Utc);
        List<Observation> rows = [At(t0, 1, 3), At(t0.AddMinutes(30), 1, 3), At(t0.AddMinutes(60), 1, 3), At(t0.AddMinutes(70), 1, 4)];

        var day = Assert.Single(SnapshotDiff.Days(rows));

        Assert.Equal([t0, t0.AddMinutes(60)], day.Checkpoints.Select(c => c.AtUtc));
        var eleven = Assert.Single(day.Checkpoints[1].Rows);
        Assert.Equal((t0, t0.AddMinutes(60), t0.AddMinutes(58)), (eleven.ObservedUtc, eleven.FeedUpdatedUtc, eleven.LastReportedUtc));
    }

    [Fact]
    public void Snapshots_are_split_by_utc_day_and_a_station_unchanged_over_midnight_is_no_change_on_the_next_day()
    {
        var late = new DateTime(2026, 1, 5, 23, 40, 0, DateTimeKind.Utc);
        List<Observation> rows = [At(late, 1, 3), At(late.AddMinutes(40), 1, 3), At(late.AddMinutes(80), 1, 2)];

        var days = SnapshotDiff.Days(rows).ToList();

        Assert.Equal([late.Date, late.Date.AddDays(1)], days.Select(d => d.DayUtc));
        Assert.Equal([late.AddMinutes(80)], days[1].Changes.Select(c => c.ObservedAt));
        Assert.Equal(2, days[1].Checkpoints.Count);
    }
}
