using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Velib.Silo.Feed;
using Velib.ServiceDefaults;

namespace Velib.Silo.Storage;

/// <summary>
/// Reads the store's counters every <see cref="StoreOptions.ReadInterval"/> and publishes them as gauges
/// (<c>velib.store.*</c>, on the dashboard's Metrics page) and to the silo's health check.
/// </summary>
internal sealed partial class StoreWatch : BackgroundService
{
    private readonly IConnectionMultiplexer _store;
    private readonly StoreOptions _options;
    private readonly FeedClock _clock;
    private readonly ILogger<StoreWatch> _logger;

    public StoreWatch([FromKeyedServices(StoreConnection.Name)] IConnectionMultiplexer store, IOptions<StoreOptions> options,
        FeedClock clock, IMeterFactory meters, ILogger<StoreWatch> logger)
    {
        (_store, _options, _clock, _logger) = (store, options.Value, clock, logger);
        var meter = meters.Create(Extensions.VelibTelemetryName);
        meter.CreateObservableGauge("velib.store.aof", () => Gauge(Latest?.AofBytes), "By", "Store AOF a restart would replay");
        meter.CreateObservableGauge("velib.store.data_folder", () => Gauge(Latest?.DataFolderBytes), "By", "Local store's data folder on disk");
        meter.CreateObservableGauge("velib.store.memory", () => Gauge(Latest?.UsedMemoryBytes), "By", "Store's used memory");
        meter.CreateObservableGauge("velib.store.since_checkpoint", () => Gauge((long?)Latest?.SinceCheckpoint?.TotalSeconds), "s", "Time since the store's last checkpoint");
        meter.CreateObservableGauge("velib.store.keys", () => Gauge(Latest?.Keys), "{key}", "Keys in the store");
    }

    public StoreStats? Latest { get; private set; }

    public async Task<StoreStats> ReadAsync()
    {
        Latest = await StoreProbe.ReadAsync(_store, _options.DataDirectory, _clock.UtcNow);
        return Latest;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.ReadInterval, _clock.Time);
        do
        {
            try { await ReadAsync(); }
            // RedisTimeoutException is a TimeoutException, not a RedisException: uncaught, a store that stopped
            // answering (a cut link) stopped the whole silo through the host's BackgroundService policy
            // (bench/hosts.sh). The counters are only metrics, so nothing they throw may stop the silo.
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                Unreadable(_logger, ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private static IEnumerable<Measurement<long>> Gauge(long? value) => value is { } v ? [new(v)] : [];

    [LoggerMessage(1, LogLevel.Debug, "Store counters unreadable: {Reason}")]
    private static partial void Unreadable(ILogger logger, string reason);
}
