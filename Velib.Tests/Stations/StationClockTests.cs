using Velib.Contracts.Systems;
using Microsoft.Extensions.Time.Testing;
using Velib.Contracts.Stations;
using Velib.Tests.Support;

namespace Velib.Tests.Stations;

/// <summary>A station grain's 24 h window follows the feed's clock, not the system's.</summary>
[Grain]
public sealed class StationClockTests
{
    [Fact]
    public async Task A_station_keeps_the_24_hours_before_the_feed_clock_whatever_the_system_clock_says()
    {
        // A day well before the system clock: with the system's clock the grain would drop these at once.
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
        await using var cluster = await VelibTestCluster.StartAsync(VelibTestCluster.Live("http://127.0.0.1:9/gbfs.json"), time: time);
        var grain = cluster.Client.GetStation(SystemId.Velib, -91);
        var t0 = time.GetUtcNow().UtcDateTime;
        var station = new Station(-91, "91", "Test", 48.85, 2.35, 20, 3, 2, 15, true, true, true, t0, null);

        await grain.Apply(station, t0, t0);
        time.Advance(TimeSpan.FromHours(23));
        await grain.Apply(station with { Mechanical = 4 }, time.GetUtcNow().UtcDateTime, t0);
        Assert.Equal([3, 4], (await grain.GetDetail())!.History.Select(c => c.Mechanical));

        time.Advance(TimeSpan.FromHours(2));
        Assert.Equal([4], (await grain.GetDetail())!.History.Select(c => c.Mechanical));
    }
}
