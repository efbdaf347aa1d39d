using System.Net.Http.Json;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Aspire.Hosting.Testing;

namespace Velib.Tests.Integration;

[Collection(AppHostCollection.Name)]
public sealed class AppHostTests(AppHostFixture fixture)
{
    [Fact]
    public async Task The_web_health_endpoint_answers_healthy()
    {
        var body = await fixture.Web.GetStringAsync("/health");

        Assert.Equal("Healthy", body);
    }

    [Fact]
    public async Task A_grain_call_made_through_the_web_reaches_the_silo_and_returns_every_station_of_the_feed()
    {
        var status = await AppHostFixture.Eventually(
            () => fixture.Web.GetFromJsonAsync<JsonElement>("/api/status"),
            s => s.GetProperty("feed").GetProperty("stations").GetInt32() > 0, TimeSpan.FromSeconds(60));

        var feed = status.GetProperty("feed");
        var (mode, count) = fixture.Feed is null ? ("simulated", 1500) : ("live", 1499);
        Assert.Equal(mode, feed.GetProperty("mode").GetString());
        Assert.Equal(count, feed.GetProperty("stations").GetInt32());
        var stations = await fixture.Web.GetFromJsonAsync<JsonElement>("/api/stations");
        Assert.Equal(count, stations.GetArrayLength());
    }

    [Fact]
    public async Task The_status_shows_the_archive_without_any_credential()
    {
        var body = await fixture.Web.GetStringAsync("/api/status");
        using var status = JsonDocument.Parse(body);

        var archive = status.RootElement.GetProperty("archive");
        Assert.Equal(fixture.Configuration["Velib:S3:Bucket"], archive.GetProperty("bucket").GetString());
        Assert.StartsWith("http://", archive.GetProperty("endpoint").GetString());
        Assert.DoesNotContain(fixture.Configuration["Parameters:local-s3-access-key"]!, body);
        Assert.DoesNotContain(fixture.Configuration["Parameters:local-s3-secret-key"]!, body);
    }

    [Fact]
    public async Task A_malformed_station_id_is_a_400_and_an_unknown_one_a_404()
    {
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await fixture.Web.GetAsync("/api/stations/abc")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await fixture.Web.GetAsync("/api/stations/999999999999")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await fixture.Web.GetAsync("/api/stations/1/history?from=yesterday")).StatusCode);
    }

    [Fact]
    public async Task The_local_s3_server_accepts_a_put_and_a_get_through_the_aws_sdk()
    {
        var endpoint = fixture.App.GetEndpoint("s3", "http");
        using var s3 = new AmazonS3Client(
            new BasicAWSCredentials(fixture.Configuration["Parameters:local-s3-access-key"], fixture.Configuration["Parameters:local-s3-secret-key"]),
            new AmazonS3Config { ServiceURL = endpoint.ToString(), ForcePathStyle = true, AuthenticationRegion = "us-east-1" });
        var bucket = fixture.Configuration["Velib:S3:Bucket"];
        var key = $"tests/{Guid.NewGuid():N}.json";

        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = """{"x":1}""", UseChunkEncoding = false });
        using var response = await s3.GetObjectAsync(bucket, key);
        using var reader = new StreamReader(response.ResponseStream);

        Assert.Equal("""{"x":1}""", await reader.ReadToEndAsync());
    }
}
