using Microsoft.Extensions.Logging;

namespace Velib.Web.Cluster;

/// <summary>
/// The web's first connection to the cluster is retried until a silo answers, instead of failing the web's start.
/// So the web can start beside the silos (the AppHost starts them together, which takes the web's own start off
/// the time to the map) or before them on another machine, and it never gives up while the silos are still coming.
/// </summary>
internal sealed partial class ClusterConnectRetry(ILogger<ClusterConnectRetry> logger) : IClientConnectionRetryFilter
{
    private static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(500);
    private int _attempts;

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        // Said once, then every 20 attempts (10 s): enough to see why, not a line per try.
        if (_attempts++ % 20 == 0) NotYet(logger, _attempts, exception.GetType().Name, exception.Message);
        await Task.Delay(Delay, cancellationToken);
        return !cancellationToken.IsCancellationRequested;
    }

    [LoggerMessage(1, LogLevel.Information, "No silo to connect to yet (attempt {Attempt}, {Kind}: {Reason}); retrying")]
    private static partial void NotYet(ILogger logger, int attempt, string kind, string reason);
}
