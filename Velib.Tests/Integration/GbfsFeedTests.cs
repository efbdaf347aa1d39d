using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Json.Schema;
using Velib.Silo.Feed;
using Velib.Tests.Support;

namespace Velib.Tests.Integration;

/// <summary>The GBFS 3.0 republication, validated against the official schemas (../shared/data/gbfs-schema/v3.0).</summary>
[Integration]
[Collection(AppHostCollection.Name)]
public sealed class GbfsFeedTests(AppHostFixture fixture)
{
    private static EvaluationResults Evaluate(string feed, JsonElement document)
    {
        // A registry per schema: the official files carry $ids, which the global registry accepts only once.
        var schema = JsonSchema.FromText(File.ReadAllText(SharedData.Schema("v3.0", feed + ".json")), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        return schema.Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
    }

    private static void AssertValid(string feed, JsonElement document)
    {
        var result = Evaluate(feed, document);
        var errors = (result.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}")).Take(10);
        Assert.True(result.IsValid, $"{feed}.json is not valid GBFS 3.0: {string.Join("; ", errors)}");
    }

    [SharedDataFact]
    public async Task The_discovery_file_and_every_feed_it_lists_are_valid_gbfs_3_and_the_status_totals_equal_the_feed()
    {
        var expected = GbfsParser.ParseStatus(fixture.Feed!.Status, VehicleTypeTable.Empty).Stations;
        var mechanical = expected.Sum(s => s.Mechanical);
        await AppHostFixture.Until(() => fixture.Web.GetFromJsonAsync<Velib.Contracts.Stations.Station[]>("/api/stations")!,
            s => s!.Sum(x => x.Mechanical) == mechanical, TimeSpan.FromSeconds(30), "the API never showed the served snapshot");

        var discovery = await fixture.Web.GetFromJsonAsync<JsonElement>("/gbfs/gbfs.json");
        AssertValid("gbfs", discovery);
        var feeds = discovery.GetProperty("data").GetProperty("feeds").EnumerateArray()
            .ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("url").GetString()!);
        Assert.Equal(["station_information", "station_status", "system_information", "vehicle_types"], feeds.Keys.Order());
        foreach (var (name, url) in feeds)
        {
            AssertValid(name, await fixture.Web.GetFromJsonAsync<JsonElement>(url));
        }

        var status = await fixture.Web.GetFromJsonAsync<JsonElement>(feeds["station_status"]);
        var stations = status.GetProperty("data").GetProperty("stations").EnumerateArray().ToList();
        int Count(string type) => stations.Sum(s => s.GetProperty("vehicle_types_available").EnumerateArray()
            .Where(v => v.GetProperty("vehicle_type_id").GetString() == type).Sum(v => v.GetProperty("count").GetInt32()));
        Assert.Equal(expected.Count, stations.Count);
        Assert.Equal(expected.Sum(s => s.Mechanical + s.Ebike), stations.Sum(s => s.GetProperty("num_vehicles_available").GetInt32()));
        Assert.Equal(mechanical, Count("mechanical"));
        Assert.Equal(expected.Sum(s => s.Ebike), Count("ebike"));
        Assert.Equal(expected.Sum(s => s.Docks), stations.Sum(s => s.GetProperty("num_docks_available").GetInt32()));
        Assert.Equal(5, status.GetProperty("ttl").GetInt32());
    }

    [SharedDataFact]
    public void The_schema_check_rejects_the_velib_1_0_document_that_we_republish()
    {
        // Proof that the check can fail: Vélib's own station_status (GBFS 1.0, numeric ids, 0/1 flags, no version).
        using var original = JsonDocument.Parse(File.ReadAllBytes(SharedData.Velib("station_status.json")));

        Assert.False(Evaluate("station_status", original.RootElement).IsValid);
    }

    [Fact]
    public async Task A_feed_is_cached_like_the_api_and_an_unknown_feed_is_a_404_that_lists_the_feeds()
    {
        using var first = await fixture.Web.GetAsync("/gbfs/station_status.json");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/gbfs/station_status.json");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var again = await fixture.Web.SendAsync(request);
        using var unknown = await fixture.Web.GetAsync("/gbfs/free_bike_status.json");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("station_status", await unknown.Content.ReadAsStringAsync());
    }
}
