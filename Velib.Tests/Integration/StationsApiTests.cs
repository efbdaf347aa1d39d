using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Velib.Contracts.Stations;
using Velib.Silo.Feed;
using Velib.Tests.Support;
using Xunit.Abstractions;

namespace Velib.Tests.Integration;

/// <summary><c>/api/stations</c> served like a static file, and its deltas, against the real AppHost on recorded data.</summary>
[Integration]
[Collection(AppHostCollection.Name)]
public sealed class StationsApiTests(AppHostFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static List<StationStatusRecord> Parse(byte[] status) => [.. GbfsParser.ParseStatus(status, VehicleTypeTable.Empty).Stations];

    private Task<HttpResponseMessage> Get(string path, Action<HttpRequestHeaders>? headers = null, HttpMethod? method = null)
    {
        var request = new HttpRequestMessage(method ?? HttpMethod.Get, path);
        headers?.Invoke(request.Headers);
        return fixture.Web.SendAsync(request);
    }

    private Task<List<StationStatusRecord>> Settled() => fixture.ServedSnapshotAsync();

    [SharedDataFact]
    public async Task The_stations_come_gzipped_with_a_strong_etag_and_an_if_none_match_gets_304()
    {
        var expected = await Settled();

        using var gzipped = await Get("/api/stations", h => h.AcceptEncoding.ParseAdd("gzip"));
        var body = await gzipped.Content.ReadAsByteArrayAsync();
        using var plain = new GZipStream(new MemoryStream(body), CompressionMode.Decompress);
        var stations = (await JsonSerializer.DeserializeAsync<Station[]>(plain, JsonSerializerOptions.Web))!;
        var etag = gzipped.Headers.ETag!;
        using var again = await Get("/api/stations", h => { h.AcceptEncoding.ParseAdd("gzip"); h.IfNoneMatch.Add(etag); });

        output.WriteLine($"gzip body: {body.Length:N0} bytes for {stations.Length} stations");
        Assert.Equal(HttpStatusCode.OK, gzipped.StatusCode);
        Assert.Equal(["gzip"], gzipped.Content.Headers.ContentEncoding);
        // The goal: the whole network, sent every poll, in at most 40 KB.
        Assert.InRange(body.Length, 1, 40_000);
        Assert.False(etag.IsWeak);
        Assert.Matches("^\"v\\d+\"$", etag.Tag);
        Assert.Equal(expected.Count, stations.Length);
        Assert.Equal(expected.Sum(s => s.Mechanical), stations.Sum(s => s.Mechanical));
        Assert.Equal(expected.Sum(s => s.Ebike), stations.Sum(s => s.Ebike));
        Assert.Equal(expected.Sum(s => s.Docks), stations.Sum(s => s.Docks));
        Assert.True(gzipped.Headers.CacheControl!.Public);
        Assert.Equal(TimeSpan.FromSeconds(5), gzipped.Headers.CacheControl.MaxAge);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
    }

    [SharedDataFact]
    public async Task A_client_that_asks_for_no_compression_gets_the_plain_body_and_head_gets_only_the_headers()
    {
        var expected = await Settled();

        using var plain = await Get("/api/stations", h => h.IfNoneMatch.ParseAdd("\"not-a-version\""));
        using var brotli = await Get("/api/stations", h => h.AcceptEncoding.ParseAdd("br"));
        using var head = await Get("/api/stations", method: HttpMethod.Head);

        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Equal(expected.Count, (await plain.Content.ReadFromJsonAsync<Station[]>())!.Length);
        Assert.Equal(["br"], brotli.Content.Headers.ContentEncoding);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(plain.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal(plain.Headers.ETag, head.Headers.ETag);
    }

    [SharedDataFact]
    public async Task Since_a_version_gives_exactly_the_stations_that_changed_between_two_recorded_snapshots()
    {
        var before = await Settled();
        using var first = await Get("/api/stations");
        var version = long.Parse(first.Headers.ETag!.Tag.ToString().Trim('"')[1..], System.Globalization.CultureInfo.InvariantCulture);

        fixture.AdvanceFeed();
        var after = await Settled();
        var delta = (await fixture.Web.GetFromJsonAsync<JsonElement>($"/api/stations?since={version}"));

        var previous = before.ToDictionary(s => s.Id);
        var changed = after.Where(s => !previous.TryGetValue(s.Id, out var was) || was != s).Select(s => s.Id).Order();
        Assert.False(delta.GetProperty("fullReload").GetBoolean());
        Assert.Equal(changed, delta.GetProperty("stations").EnumerateArray().Select(s => s.GetProperty("id").GetInt64()).Order());
        Assert.Empty(delta.GetProperty("removed").EnumerateArray());
    }

    [Fact]
    public async Task A_since_that_is_not_a_version_or_is_in_the_future_is_a_400_that_says_why()
    {
        using var text = await Get("/api/stations?since=yesterday");
        using var future = await Get("/api/stations?since=999999999");

        Assert.Equal(HttpStatusCode.BadRequest, text.StatusCode);
        Assert.Contains("whole number", await text.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Contains("does not exist yet", await future.Content.ReadAsStringAsync());
    }
}
