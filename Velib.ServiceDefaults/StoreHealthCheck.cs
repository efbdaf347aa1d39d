using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Velib.ServiceDefaults;

/// <summary>
/// The registration's failure status (Degraded) while the store connection is down, with the reason: a refused password
/// or an unreachable store. Degraded, not Unhealthy: the web still serves its pages then, and the silo's own check
/// already turns it Unhealthy.
/// </summary>
internal sealed class StoreHealthCheck(
    [FromKeyedServices(StoreConnection.Name)] IConnectionMultiplexer store, StoreConnectionMonitor monitor) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        store.IsConnected
            ? HealthCheckResult.Healthy($"store connected ({StoreConnection.Describe(store.Configuration)})")
            : new HealthCheckResult(context.Registration.FailureStatus, await monitor.DiagnoseAsync(cancellationToken));
}
