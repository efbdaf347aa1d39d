using System.Net.Http.Json;
using Velib.Contracts.Stations;
using Velib.Tests.Support;
using Velib.Web.Api;
using static Velib.Tests.Integration.ArchiveApiCalls;

namespace Velib.Tests.Integration;

/// <summary><c>/api/stations/{id}/history?step=</c>: a station's state every step from the lake, and the 400s of its parameters.</summary>
[Integration]
[Collection(AppHostCollection.Name)]
public sealed class HistoryApiTests(AppHostFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [SharedDataFact]
    public async Task With_a_step_the_history_is_the_station_s_state_at_from_and_every_step_after_it()
    {
        var then = await fixture.ServedSnapshotAsync();
        var range = await fixture.FirstCheckpointAsync(Patience);
        fixture.AdvanceFeed();
        var now = await fixture.ServedSnapshotAsync();
        var changed = now.First(n => then.Single(t => t.Id == n.Id) is var t && (t.Mechanical, t.Ebike, t.Docks) != (n.Mechanical, n.Ebike, n.Docks));
        var from = range!.FirstUtc!.Value;
        // A minute ahead: the last step is then after the poll that brought the advanced snapshot (the feed stays on it).
        var to = DateTime.UtcNow.AddMinutes(1);

        var history = (await fixture.Web.GetFromJsonAsync<StationHistory>(
            $"/api/stations/{changed.Id}/history?from={Iso(from)}&to={Iso(to)}&step=PT1M"))!;
        var atFrom = (await fixture.Web.GetFromJsonAsync<Station[]>($"/api/stations?at={Iso(from)}"))!.Single(s => s.Id == changed.Id);

        Assert.Equal("PT1M", history.Step);
        Assert.Equal((int)Math.Ceiling((to - from) / TimeSpan.FromMinutes(1)), history.History.Count);
        Assert.All(history.History.Select((p, i) => (p, i)), x => Assert.Equal(from.AddMinutes(x.i), x.p.ObservedUtc));
        Assert.Equal((atFrom.Mechanical, atFrom.Ebike, atFrom.Docks), (history.History[0].Mechanical, history.History[0].Ebike, history.History[0].Docks));
        Assert.Equal((changed.Mechanical, changed.Ebike, changed.Docks), (history.History[^1].Mechanical, history.History[^1].Ebike, history.History[^1].Docks));
    }

    [SharedDataTheory]
    [InlineData("/api/stations/1/history?step=5 minutes", "ISO 8601 duration")]
    [InlineData("/api/stations/1/history?step=PT30S", "at least PT1M")]
    [InlineData("/api/stations/1/history?from=2026-10-01T00:00:00Z&to=2026-10-30T00:00:00Z&step=PT1M", "points")]
    [InlineData("/api/stations/1/history?from=2026-09-01T00:00:00Z&to=2026-10-30T00:00:00Z&step=PT1H", "at most 31 days")]
    [InlineData("/api/stations/1/history?from=2001-01-01T00:00:00Z&to=2001-01-02T00:00:00Z&step=PT1H", "The archive covers")]
    [InlineData("/api/stations/x/history?step=PT1H", "is not a station id")]
    public async Task A_bad_step_or_a_from_outside_the_archive_is_a_400_that_says_why(string path, string reason)
    {
        await fixture.FirstCheckpointAsync(Patience);

        await fixture.AssertBadRequestAsync(path, reason);
    }
}
