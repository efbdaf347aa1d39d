using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.Configuration;

namespace Velib.Tests.Integration;

/// <summary>
/// Starts the real AppHost (DCP, s3rver, silo, web) once for the integration tests, on the simulated feed,
/// with its S3 data in a temporary folder.
/// </summary>
public sealed class AppHostFixture : IAsyncLifetime
{
    private readonly string _s3Data = Path.Combine(Path.GetTempPath(), "velib-test-s3-" + Guid.NewGuid().ToString("N"));

    public DistributedApplication App { get; private set; } = null!;

    public IConfiguration Configuration { get; private set; } = null!;

    public HttpClient Web { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Velib_AppHost>(
            ["--Velib:Feed:Mode=simulated", "--Velib:Feed:PollInterval=00:00:05", $"--Velib:DataDir={_s3Data}"], cts.Token);
        Configuration = builder.Configuration;
        App = await builder.BuildAsync(cts.Token);
        await App.StartAsync(cts.Token);
        await App.ResourceNotifications.WaitForResourceHealthyAsync("web", cts.Token);
        Web = App.CreateHttpClient("web");
    }

    public async Task DisposeAsync()
    {
        Web?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }
        if (Directory.Exists(_s3Data))
        {
            Directory.Delete(_s3Data, recursive: true);
        }
    }

    /// <summary>Retries until <paramref name="probe"/> holds or the time is up.</summary>
    public static async Task<T> Eventually<T>(Func<Task<T>> read, Func<T, bool> probe, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await read();
            if (probe(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }
            await Task.Delay(500);
        }
    }
}
