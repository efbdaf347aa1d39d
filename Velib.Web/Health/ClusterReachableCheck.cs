using Velib.Contracts.Systems;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Velib.Contracts.Feed;

namespace Velib.Web.Health;

/// <summary>The web is Degraded (it still serves pages, not data) when it cannot reach the cluster.</summary>
internal sealed class ClusterReachableCheck(IClusterClient orleans) : IHealthCheck
{
    private static readonly TimeSpan CallLimit = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var feed = await orleans.GetGrain<IFeedIngestionGrain>(SystemId.Velib.Value).GetStatus().WaitAsync(CallLimit, cancellationToken);
            return HealthCheckResult.Healthy($"cluster reachable; {feed.Mode} feed on {feed.Silo}");
        }
        catch (Exception ex) when (ex is TimeoutException or SiloUnavailableException or OrleansMessageRejectionException or OrleansException)
        {
            return HealthCheckResult.Degraded($"cannot reach the cluster ({ex.GetType().Name}: {ex.Message})");
        }
    }
}
