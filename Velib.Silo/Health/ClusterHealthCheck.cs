using Velib.Contracts.Systems;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Velib.Contracts.Archive;
using Velib.Contracts.Feed;
using Velib.Silo.Archive;
using Velib.Silo.Storage;
using Velib.ServiceDefaults;

namespace Velib.Silo.Health;

/// <summary>
/// What an operator needs from the silo's health: Degraded when the feed is stale or failing, or the spool is
/// over 80 % full, or the store passes its thresholds (<see cref="StoreOptions"/>); Unhealthy when the spool is full or the store is unreachable. The reasons are the description,
/// which the Aspire dashboard shows next to the state.
/// </summary>
internal sealed class ClusterHealthCheck(
    IGrainFactory grains, [FromKeyedServices(StoreConnection.Name)] IConnectionMultiplexer store, IOptions<ArchiveOptions> archive,
    StoreWatch watch, IOptions<StoreOptions> storeOptions)
    : IHealthCheck
{
    private static readonly TimeSpan CallLimit = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!store.IsConnected)
        {
            // The reason (a refused password, an unreachable store) is the "store" check's, from StoreConnectionMonitor.
            return HealthCheckResult.Unhealthy("ingestion paused: no connection to the store");
        }
        FeedStatus feed;
        ArchiveStatus spool;
        try
        {
            feed = await grains.GetGrain<IFeedIngestionGrain>(SystemId.Velib.Value).GetStatus().WaitAsync(CallLimit, cancellationToken);
            spool = await grains.GetGrain<IArchiveGrain>(SystemId.Velib.Value).GetStatus().WaitAsync(CallLimit, cancellationToken);
        }
        catch (Exception ex) when (ex is TimeoutException or SiloUnavailableException or OrleansMessageRejectionException)
        {
            // A lost silo's grains are moving; the cluster heals by itself within seconds.
            return HealthCheckResult.Degraded($"ingestion not answering ({ex.GetType().Name})");
        }
        var result = Assess(feed, spool, archive.Value.MaxPendingChanges);
        // The store's own figures (data folder, memory, checkpoint age), as last read by the watch.
        var storeReasons = StoreHealth.Reasons(watch.Latest, storeOptions.Value);
        if (storeReasons.Count == 0 || result.Status == HealthStatus.Unhealthy) return result;
        return HealthCheckResult.Degraded(string.Join("; ", result.Status == HealthStatus.Degraded ? [result.Description!, .. storeReasons] : storeReasons));
    }

    /// <summary>The rules, apart from the calls, so that tests can state them directly.</summary>
    internal static HealthCheckResult Assess(FeedStatus feed, ArchiveStatus spool, long maxPending)
    {
        var fill = (double)spool.PendingChanges / maxPending;
        if (fill >= 1)
        {
            return HealthCheckResult.Unhealthy(Text($"archive spool full ({spool.PendingChanges:N0} changes): new changes are refused; S3: {spool.LastError ?? "no error"}"));
        }
        var reasons = new List<string>();
        if (feed.ConsecutiveFailures >= 3) reasons.Add(Text($"feed failed {feed.ConsecutiveFailures} times in a row: {feed.LastError}"));
        if (feed.Stale) reasons.Add(Text($"feed stale: no new data for 3 poll intervals (last good poll {feed.LastSuccessUtc:u})"));
        if (fill >= 0.8) reasons.Add(Text($"archive spool {fill * 100:0}% full ({spool.PendingChanges:N0} changes); S3: {spool.LastError ?? "no error"}"));
        return reasons.Count == 0
            ? HealthCheckResult.Healthy(Text($"{feed.Mode} feed, {feed.Stations:N0} stations, {spool.PendingChanges:N0} changes to archive"))
            : HealthCheckResult.Degraded(string.Join("; ", reasons));
    }

    // Operators' text, the same on every machine whatever its culture.
    private static string Text(FormattableString text) => text.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
