using Velib.Contracts.Systems;
using Velib.Contracts.Feed;
using Velib.Silo.Feed;

namespace Velib.Silo.Ingestion;

/// <summary>
/// Starts the ingestion grain every 5 seconds from each silo (a no-op while it runs). After a silo is lost, the
/// first call once the cluster has declared it dead activates the grain on a live silo, which resumes polling at
/// once, instead of waiting up to a minute for the keep-alive reminder.
/// </summary>
internal sealed partial class IngestionWatchdog(IGrainFactory grains, FeedClock clock, ILogger<IngestionWatchdog> logger) : BackgroundService
{
    // Every 5 s: the cluster declares a lost silo dead in about 10 s (see MembershipTimings), and polling should
    // resume soon after that, not a whole period later.
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, clock.Time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await grains.GetGrain<IFeedIngestionGrain>(SystemId.Velib.Value).Start().WaitAsync(Period, clock.Time, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // Expected while a lost silo is not yet declared dead; the next tick tries again.
                Unreachable(logger, ex.Message);
            }
        }
    }

    [LoggerMessage(1, LogLevel.Debug, "Ingestion grain did not answer the watchdog: {Reason}")]
    private static partial void Unreachable(ILogger logger, string reason);
}
