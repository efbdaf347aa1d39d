using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Velib.Web.Api;
using Velib.Tests.Support;
using Xunit.Abstractions;

namespace Velib.Tests.Integration;

/// <summary><c>/api/stations/stream</c> against the real AppHost on recorded Vélib' snapshots.</summary>
[Integration]
[Collection(AppHostCollection.Name)]
public sealed class StationStreamApiTests(AppHostFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private async Task<(HttpResponseMessage Response, SseReader Events)> OpenAsync(string path, string? lastEventId = null, bool gzip = false)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (lastEventId is not null) request.Headers.Add("Last-Event-ID", lastEventId);
        if (gzip) request.Headers.AcceptEncoding.ParseAdd("gzip, deflate, br"); // as a browser's EventSource asks
        var response = await fixture.Web.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(gzip ? ["gzip"] : [], response.Content.Headers.ContentEncoding);
        var body = await response.Content.ReadAsStreamAsync();
        return (response, new SseReader(gzip ? new GZipStream(body, CompressionMode.Decompress) : body));
    }

    private static void Apply(Dictionary<long, StationJson> state, SseReader.Event e)
    {
        if (e.Name == "full")
        {
            state.Clear();
            foreach (var s in JsonSerializer.Deserialize<StationJson[]>(e.Data, JsonSerializerOptions.Web)!) state[s.Id] = s;
            return;
        }
        Assert.Equal("delta", e.Name);
        var delta = JsonSerializer.Deserialize<StationsDelta>(e.Data, JsonSerializerOptions.Web)!;
        Assert.False(delta.FullReload);
        foreach (var s in delta.Stations) state[s.Id] = s;
        foreach (var id in delta.Removed) state.Remove(id);
    }

    private async Task<(long Version, StationJson[] Stations)> ServedAsync()
    {
        await fixture.ServedSnapshotAsync();
        using var response = await fixture.Web.GetAsync("/api/stations");
        var version = long.Parse(response.Headers.ETag!.Tag.Trim('"')[1..], System.Globalization.CultureInfo.InvariantCulture);
        return (version, (await response.Content.ReadFromJsonAsync<StationJson[]>())!);
    }

    /// <summary>Reads and applies events until the state reaches <paramref name="version"/>.</summary>
    private static async Task ReadUntilAsync(SseReader events, Dictionary<long, StationJson> state, long version, long from)
    {
        var at = from;
        while (at < version)
        {
            var e = await events.NextVersionAsync(Patience, $"the stream never reached version {version} (stuck at {at})");
            Apply(state, e);
            at = e.Id!.Value;
        }
        Assert.Equal(version, at);
    }

    [SharedDataFact]
    public async Task Events_applied_in_order_to_the_first_full_state_equal_the_stations_after_each_recorded_snapshot()
    {
        var (version, stations) = await ServedAsync();
        var (response, events) = await OpenAsync("/api/stations/stream");
        using (response)
        using (events)
        {
            var first = await events.NextVersionAsync(Patience, "the stream sent no first event");
            Assert.Equal("full", first.Name);
            var state = new Dictionary<long, StationJson>();
            Apply(state, first);
            await ReadUntilAsync(events, state, version, first.Id!.Value);
            Assert.Equal(stations.OrderBy(s => s.Id), state.Values.OrderBy(s => s.Id));

            for (var i = 0; i < 3; i++)
            {
                var (bikes, _) = fixture.AdvanceFeed();
                var (next, served) = await ServedAsync();
                await ReadUntilAsync(events, state, next, version);
                output.WriteLine($"snapshot {i + 1}: version {version} -> {next}, {bikes:N0} bikes");
                Assert.Equal(served.OrderBy(s => s.Id), state.Values.OrderBy(s => s.Id));
                Assert.Equal(bikes, state.Values.Sum(s => s.Mechanical + s.Ebike));
                version = next;
            }
        }
    }

    [SharedDataFact]
    public async Task A_client_that_reconnects_with_its_last_event_id_gets_the_deltas_it_missed_and_nothing_else()
    {
        var (version, stations) = await ServedAsync();
        var state = stations.ToDictionary(s => s.Id);

        fixture.AdvanceFeed();
        var (next, served) = await ServedAsync();
        var (response, events) = await OpenAsync("/api/stations/stream", lastEventId: version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using (response)
        using (events)
        {
            var first = await events.NextVersionAsync(Patience, "the resumed stream sent nothing");
            Assert.Equal("delta", first.Name); // not the whole network again
            Apply(state, first);
            await ReadUntilAsync(events, state, next, first.Id!.Value);
            Assert.Equal(served.OrderBy(s => s.Id), state.Values.OrderBy(s => s.Id));
        }
    }

    [SharedDataFact]
    public async Task A_client_that_accepts_gzip_gets_the_same_events_compressed_as_they_happen()
    {
        var (version, _) = await ServedAsync();
        var (plainResponse, plain) = await OpenAsync("/api/stations/stream");
        var (gzipResponse, gzip) = await OpenAsync("/api/stations/stream", gzip: true);
        using (plainResponse)
        using (plain)
        using (gzipResponse)
        using (gzip)
        {
            var first = await gzip.NextVersionAsync(Patience, "the gzip'd stream sent no first event");
            Assert.Equal(await plain.NextVersionAsync(Patience, "the plain stream sent no first event"), first);
            fixture.AdvanceFeed();
            var (next, served) = await ServedAsync();
            var state = new Dictionary<long, StationJson>();
            Apply(state, first);
            // Each delta is read as soon as it is sent: the inflater never waits for more bytes than the event's own.
            await ReadUntilAsync(gzip, state, next, first.Id!.Value);
            Assert.Equal(served.OrderBy(s => s.Id), state.Values.OrderBy(s => s.Id));
            Assert.True(next > version);
        }
    }

    [Fact]
    public async Task A_malformed_since_is_a_400_and_a_malformed_last_event_id_starts_from_a_full_state()
    {
        using var bad = await fixture.Web.GetAsync("/api/stations/stream?since=yesterday");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("whole number", await bad.Content.ReadAsStringAsync());

        var (response, events) = await OpenAsync("/api/stations/stream", lastEventId: "not-a-version");
        using (response)
        using (events)
        {
            Assert.Equal("full", (await events.NextVersionAsync(Patience, "a malformed Last-Event-ID got no full state")).Name);
            var status = await events.NextAsync(Patience, "the stream sent no status after the full state");
            Assert.Equal("status", status.Name);
            Assert.True(JsonDocument.Parse(status.Data).RootElement.GetProperty("reachable").GetBoolean());
        }
    }
}
