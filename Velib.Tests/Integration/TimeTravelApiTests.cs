using System.Net.Http.Json;
using Velib.Contracts.Archive;
using Velib.Contracts.Stations;
using Velib.Silo.Feed;
using Velib.Tests.Support;
using static Velib.Tests.Integration.ArchiveApiCalls;

namespace Velib.Tests.Integration;

/// <summary><c>/api/stations?at=</c> and <c>/api/network/timeline</c> against the real AppHost on recorded data.</summary>
[Integration]
[Collection(AppHostCollection.Name)]
public sealed class TimeTravelApiTests(AppHostFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private Task<List<StationStatusRecord>> Settled() => fixture.ServedSnapshotAsync();

    private static NetworkTotals Totals(IEnumerable<StationStatusRecord> records) =>
        NetworkTotals.Of(records.Select(r => new Station(r.Id, "", "", 0, 0, 0, r.Mechanical, r.Ebike, r.Docks, r.Installed, r.Renting, r.Returning, null, null)));

    [SharedDataFact]
    public async Task A_past_time_gives_the_stations_and_totals_of_then_and_the_timeline_shows_both_snapshots()
    {
        var then = await Settled();
        // The API shows this snapshot, so the poll that brought it is in the past, and the next one (after the
        // advance below) in the future: this instant is "then".
        var thenUtc = DateTime.UtcNow;
        fixture.AdvanceFeed();
        var now = await Settled();

        var stations = (await fixture.Web.GetFromJsonAsync<Station[]>($"/api/stations?at={Iso(thenUtc)}"))!;
        var timeline = (await fixture.Web.GetFromJsonAsync<TimelinePoint[]>(
            $"/api/network/timeline?from={Iso(thenUtc)}&to={Iso(DateTime.UtcNow)}&step=PT1M"))!;

        Assert.Equal(then.Select(r => (r.Id, r.Mechanical, r.Ebike, r.Docks)).Order(), stations.Select(s => (s.Id, s.Mechanical, s.Ebike, s.Docks)).Order());
        Assert.Equal(Totals(then), NetworkTotals.Of(stations));
        var first = timeline[0];
        Assert.Equal(Totals(then), new NetworkTotals(first.Stations, first.Bikes, first.Mechanical, first.Ebikes, first.FreeDocks, first.EmptyStations, first.FullStations));
        var current = await fixture.Web.GetFromJsonAsync<TimelinePoint[]>($"/api/network/timeline?from={Iso(DateTime.UtcNow)}&to={Iso(DateTime.UtcNow)}");
        var last = current![^1];
        Assert.Equal(Totals(now), new NetworkTotals(last.Stations, last.Bikes, last.Mechanical, last.Ebikes, last.FreeDocks, last.EmptyStations, last.FullStations));
    }

    [Theory]
    [InlineData("/api/stations?at=yesterday", "ISO 8601")]
    [InlineData("/api/stations?at=2001-01-01T00:00:00Z", "The archive covers")]
    [InlineData("/api/stations?at=2999-01-01T00:00:00Z", "The archive covers")]
    [InlineData("/api/stations?at=2025-11-10T13:00:00Z&since=3", "not both")]
    [InlineData("/api/network/timeline?from=2026-11-30T10:00:00Z&to=2026-11-30T09:00:00Z", "from must not be after to")]
    [InlineData("/api/network/timeline?from=2026-10-01T00:00:00Z&to=2026-11-10T00:00:00Z", "at most 31 days")]
    [InlineData("/api/network/timeline?step=5 minutes", "ISO 8601 duration")]
    [InlineData("/api/network/timeline?from=2001-01-01T00:00:00Z&to=2001-01-01T01:00:00Z", "The archive covers")]
    public async Task A_time_outside_the_archive_or_a_bad_window_is_a_400_that_says_why(string path, string reason)
    {
        await fixture.FirstCheckpointAsync(Patience);

        await fixture.AssertBadRequestAsync(path, reason);
    }
}
