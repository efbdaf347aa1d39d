using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Velib.Silo.Archive;
using Velib.Tests.Support;
using Velib.AppHost.Launch;
using Velib.Silo;

namespace Velib.Tests.Archive;

[Integration]
public sealed class BucketCheckTests
{
    private static async Task StartChecks(IDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        await using var services = new ServiceCollection().AddLogging().AddVelibSiloServices(configuration).BuildServiceProvider();
        // The check must be registered, or these tests would pass without it.
        var check = Assert.Single(services.GetServices<IHostedService>().OfType<ArchiveBucketCheck>());
        await check.StartAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_configured_bucket_that_does_not_exist_stops_start_up_with_a_clear_error()
    {
        await using var s3 = new S3rverProcess(RepoPaths.Root, Ports.Free());
        await s3.StartAsync();
        var settings = s3.Settings();
        settings["Velib:S3:Bucket"] = "no-such-bucket";

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartChecks(settings));

        Assert.Contains("'no-such-bucket' does not exist", error.Message);
        Assert.Contains(s3.ServiceUrl, error.Message);
    }

    [Fact]
    public async Task An_existing_bucket_passes_the_start_up_check()
    {
        await using var s3 = new S3rverProcess(RepoPaths.Root, Ports.Free());
        await s3.StartAsync();

        await StartChecks(s3.Settings());
    }

    [Fact]
    public async Task An_unreachable_s3_does_not_stop_start_up()
    {
        await StartChecks(new Dictionary<string, string?> { ["Velib:S3:ServiceUrl"] = "http://127.0.0.1:9", ["Velib:S3:ForcePathStyle"] = "true" });
    }
}
