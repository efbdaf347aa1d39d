using System.Net.Http.Json;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Aspire.Hosting.Testing;
using Velib.Contracts.Archive;
using Velib.Tests.Support;

namespace Velib.Tests.Integration;

[Integration]
[Collection(AppHostCollection.Name)]
public sealed class AppHostTests(AppHostFixture fixture)
{
    [Fact]
    public async Task The_web_health_endpoint_answers_healthy()
    {
        var body = await fixture.Web.GetFromJsonAsync<JsonElement>("/health");

        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.StartsWith("cluster reachable", body.GetProperty("description").GetString());
    }

    [Fact]
    public async Task A_grain_call_made_through_the_web_reaches_the_silo_and_returns_every_station_of_the_feed()
    {
        var status = await AppHostFixture.Eventually(
            () => fixture.Web.GetFromJsonAsync<JsonElement>("/api/status"),
            s => s.GetProperty("feed").GetProperty("stations").GetInt32() > 0, TimeSpan.FromSeconds(60));

        var feed = status.GetProperty("feed");
        var (mode, count) = fixture.Feed is null ? ("simulated", Velib.Silo.Feed.Simulation.BundledStations.Load().Count) : ("live", 1499);
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
        Assert.Equal(ArchiveDefaults.Bucket, archive.GetProperty("bucket").GetString());
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
        var bucket = ArchiveDefaults.Bucket;
        var key = $"tests/{Guid.NewGuid():N}.json";

        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = """{"x":1}""", UseChunkEncoding = false });
        using var response = await s3.GetObjectAsync(bucket, key);
        using var reader = new StreamReader(response.ResponseStream);

        Assert.Equal("""{"x":1}""", await reader.ReadToEndAsync());
    }

    [Fact]
    public async Task The_status_names_both_silos_the_store_and_the_silo_that_hosts_ingestion()
    {
        var status = await AppHostFixture.Until(() => fixture.Web.GetFromJsonAsync<JsonElement>("/api/status"),
            s => s.GetProperty("feed").GetProperty("silo").GetString() is not null, TimeSpan.FromSeconds(60), "the status never named the ingestion silo");

        var silos = status.GetProperty("cluster").GetProperty("silos").EnumerateArray().ToList();
        Assert.Equal(2, silos.Count(s => s.GetProperty("status").GetString() == "Active"));
        Assert.Contains(status.GetProperty("feed").GetProperty("silo").GetString(), silos.Select(s => s.GetProperty("address").GetString()));
        Assert.Matches(@"^127\.0\.0\.1:\d+$", status.GetProperty("cluster").GetProperty("store").GetString());
    }

    [Fact]
    public async Task The_web_process_environment_holds_no_s3_secret_and_the_store_password_only_in_its_connection_string()
    {
        var pid = await fixture.Host.PidOf("web");
        var environment = (await File.ReadAllTextAsync($"/proc/{pid}/environ")).Split('\0');
        var siloEnvironment = (await File.ReadAllTextAsync($"/proc/{await fixture.Host.PidOf("silo1")}/environ")).Split('\0');

        // The silo does get the S3 keys: this proves the check looks at the right kind of process.
        Assert.Contains(siloEnvironment, e => e.StartsWith("Velib__S3__SecretKey=", StringComparison.Ordinal));
        Assert.DoesNotContain(environment, e => e.StartsWith("Velib__S3__", StringComparison.Ordinal));
        foreach (var secret in new[] { AppHostFixture.PlantedSecret, fixture.Configuration["Parameters:local-s3-access-key"]!, fixture.Configuration["Parameters:local-s3-secret-key"]! })
        {
            Assert.DoesNotContain(environment, e => e.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(siloEnvironment, e => e.Contains(AppHostFixture.PlantedSecret, StringComparison.Ordinal));
        }
        // The store asks for a password; the web has it only inside the connection string that it connects with.
        var storePassword = await StorePassword.OfRunningStore(fixture.Host);
        Assert.Equal([$"password={storePassword}"], environment.Where(e => e.Contains(storePassword, StringComparison.Ordinal))
            .Select(e => Assert.Single(e.Split(','), part => part.Contains(storePassword, StringComparison.Ordinal))));
        Assert.Single(environment, e => e.StartsWith("ConnectionStrings__store=", StringComparison.Ordinal) && e.Contains(storePassword, StringComparison.Ordinal));
    }

    [SharedDataFact]
    public async Task A_stale_feed_turns_the_silos_degraded_with_the_reason_and_new_data_makes_them_healthy_again()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        // The recorded feed does not change unless a test advances it: after 3 poll intervals (15 s) it is stale.
        var degraded = await fixture.App.ResourceNotifications.WaitForResourceAsync("silo1",
            e => e.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded, cts.Token);
        Assert.Contains(degraded.Snapshot.HealthReports, r => r.Description?.Contains("feed stale", StringComparison.Ordinal) == true);

        fixture.AdvanceFeed();
        await fixture.App.ResourceNotifications.WaitForResourceAsync("silo1",
            e => e.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, cts.Token);
    }

    [SharedDataFact]
    public async Task The_dashboard_commands_poll_and_flush_through_the_cluster_and_say_what_they_did()
    {
        var before = await fixture.Web.GetFromJsonAsync<JsonElement>("/api/status");
        var (bikes, _) = fixture.AdvanceFeed();

        var polled = await fixture.Host.RunCommand("silo2", "velib-poll");
        // /api/stations may lag by up to a second (its cached document is checked once a second).
        var stations = await AppHostFixture.Until(() => fixture.Web.GetFromJsonAsync<Velib.Contracts.Stations.Station[]>("/api/stations"),
            s => s!.Sum(x => x.Mechanical + x.Ebike) == bikes, TimeSpan.FromSeconds(10), "the polled snapshot never reached /api/stations");
        var flushed = await fixture.Host.RunCommand("silo1", "velib-flush");
        var after = await fixture.Web.GetFromJsonAsync<JsonElement>("/api/status");

        Assert.StartsWith("Polled live feed:", polled);
        Assert.Equal(bikes, stations!.Sum(s => s.Mechanical + s.Ebike));
        Assert.Matches(@"^Flushed [\d,]+ changes in \d+ objects$", flushed);
        Assert.True(after.GetProperty("archive").GetProperty("objectsWritten").GetInt64() > before.GetProperty("archive").GetProperty("objectsWritten").GetInt64(),
            "the flush command wrote no object");
        Assert.Equal(0, after.GetProperty("archive").GetProperty("pendingChanges").GetInt64());
    }

    [SharedDataFact]
    public async Task The_switch_mode_command_flips_the_feed_to_simulated_and_back_to_live()
    {
        try
        {
            Assert.StartsWith("Switched to the simulated feed", await fixture.Host.RunCommand("silo1", "velib-switch-mode"));
            var simulated = await fixture.Web.GetFromJsonAsync<JsonElement>("/api/status");
            Assert.Equal("simulated", simulated.GetProperty("feed").GetProperty("mode").GetString());
            Assert.Equal(Velib.Silo.Feed.Simulation.BundledStations.Load().Count, simulated.GetProperty("feed").GetProperty("stations").GetInt32());
        }
        finally
        {
            // The other tests of the collection expect the recorded live feed.
            Assert.StartsWith("Switched to the live feed", await fixture.Host.RunCommand("silo2", "velib-switch-mode"));
        }
        var live = await fixture.Web.GetFromJsonAsync<JsonElement>("/api/status");
        Assert.Equal("live", live.GetProperty("feed").GetProperty("mode").GetString());
        Assert.Equal(1499, live.GetProperty("feed").GetProperty("stations").GetInt32());
    }
}
