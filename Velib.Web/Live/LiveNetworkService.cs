using Microsoft.Extensions.Options;
using Velib.Web.Map;

namespace Velib.Web.Live;

/// <summary>
/// Keeps the process's <see cref="LiveNetwork"/> subscribed: loads it at start (retrying while the cluster comes
/// up), renews the observer before the grain forgets it, and catches up when pushes stop, which is also how a silo
/// loss or a store outage is noticed and shown to riders as stale.
/// </summary>
public sealed partial class LiveNetworkService(LiveNetwork network, IOptions<MapOptions> options, TimeProvider time, ILogger<LiveNetworkService> logger)
    : BackgroundService
{
    /// <summary>Pushes come every poll; this long without one (or without a status), the process asks by itself.</summary>
    public static readonly TimeSpan QuietLimit = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var renewal = options.Value.ObserverRenewal;
        DateTimeOffset? subscribedAt = null;
        using var timer = new PeriodicTimer(Tick, time);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var now = time.GetUtcNow();
                if (subscribedAt is null || now - subscribedAt >= renewal)
                {
                    await network.SubscribeAsync(stoppingToken);
                    subscribedAt = now;
                }
                else if (now - network.LastUpdate >= QuietLimit)
                {
                    await network.CatchUpAsync(stoppingToken);
                }
                else if (now - network.LastUpdate >= Tick && await network.IngestionMovedAsync())
                {
                    // No push for a tick and the grain moved (a lost silo): its new activation has no observers.
                    // Measured by bench/hosts.sh before this: the webs lagged polling by 25-30 s (the quiet limit).
                    Moved(logger);
                    await network.SubscribeAsync(stoppingToken);
                    subscribedAt = now;
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // Logged and retried on the next tick; the stream has already told riders the data is stale.
                subscribedAt = null;
                Failed(logger, ex.GetType().Name, ex.Message);
            }
            try
            {
                await timer.WaitForNextTickAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await network.UnsubscribeAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The subscription expires on its own; a cluster that is already gone is no reason to fail the stop.
            Failed(logger, ex.GetType().Name, ex.Message);
        }
    }

    [LoggerMessage(2, LogLevel.Information, "Live network: the ingestion grain moved to another silo; subscribing there")]
    private static partial void Moved(ILogger logger);

    [LoggerMessage(1, LogLevel.Warning, "Live network: could not reach the cluster ({Kind}: {Reason}); retrying")]
    private static partial void Failed(ILogger logger, string kind, string reason);
}
