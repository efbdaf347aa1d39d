using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using Velib.Tests.Support;
using Velib.ServiceDefaults;

namespace Velib.Tests.Store;

/// <summary>The store connection as a silo or the web registers it (AddVelibStore), with its logs captured.</summary>
public sealed class StoreClient : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public StoreClient(string connectionString, IDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        _services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(logging => logging.AddProvider(Logs))
            .AddVelibStore(connectionString)
            .BuildServiceProvider();
    }

    public CapturingLoggerProvider Logs { get; } = new();

    public IConnectionMultiplexer Connection => _services.GetRequiredKeyedService<IConnectionMultiplexer>(StoreConnection.Name);

    public async Task<HealthReportEntry> StoreHealthAsync() =>
        (await _services.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Entries[StoreConnection.Name];

    /// <summary>Polls the store's health until <paramref name="done"/> holds; fails with the last state after <paramref name="limit"/>.</summary>
    public async Task<HealthReportEntry> HealthWhen(Func<HealthReportEntry, bool> done, TimeSpan limit, string what)
    {
        using var cts = new CancellationTokenSource(limit);
        var last = await StoreHealthAsync();
        while (!done(last))
        {
            try { await Task.Delay(TimeSpan.FromMilliseconds(200), cts.Token); }
            catch (OperationCanceledException) { throw new TimeoutException($"{what} (waited {limit.TotalSeconds:0} s; last: {last.Status} '{last.Description}')"); }
            last = await StoreHealthAsync();
        }
        return last;
    }

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();
}
