namespace Velib.Silo.Feed;

internal static partial class FeedLog
{
    [LoggerMessage(1, LogLevel.Information, "Feed {System}: polling {Url} every {Interval} (simulated: {Simulated})")]
    public static partial void Started(ILogger logger, string system, string url, TimeSpan interval, bool simulated);

    [LoggerMessage(2, LogLevel.Warning, "Feed {System}: live feed {Url} unreachable at start ({Reason}); using the SIMULATED network")]
    public static partial void FallingBackToSimulated(ILogger logger, string system, string url, string reason);

    [LoggerMessage(3, LogLevel.Warning, "Feed {System}: document rejected ({Kind}): {Reason}. No station changed; next poll retries.")]
    public static partial void DocumentRejected(ILogger logger, string system, string kind, string reason);

    [LoggerMessage(4, LogLevel.Debug, "Feed {System}: cycle {Version} took {Milliseconds:0.0} ms, {Changed} stations changed (simulated: {Simulated})")]
    public static partial void CycleCompleted(ILogger logger, string system, long version, double milliseconds, int changed, bool simulated);

    [LoggerMessage(5, LogLevel.Warning, "Feed {System}: skipped {Count} invalid station records")]
    public static partial void RecordsSkipped(ILogger logger, string system, int count);

    [LoggerMessage(6, LogLevel.Error, "Feed {System}: cycle failed unexpectedly")]
    public static partial void CycleFailed(ILogger logger, Exception exception, string system);

    [LoggerMessage(7, LogLevel.Error, "Feed {System}: the store is unreachable ({Reason}). Nothing of this cycle was acknowledged; the next poll retries it.")]
    public static partial void StoreUnavailable(ILogger logger, string system, string reason);

    [LoggerMessage(8, LogLevel.Warning, "Feed {System}: this activation (lease {Epoch}, on {Silo}) was superseded by one on another silo, which took the ingestion over while this silo was cut off; it stops polling")]
    public static partial void Superseded(ILogger logger, string system, long epoch, string silo);

    [LoggerMessage(9, LogLevel.Warning, "Feed {System}: this silo ({Silo}) is {Status} in the membership table (declared dead while cut off, not yet told): a fresh activation here takes no lease and polls nothing")]
    public static partial void NotActive(ILogger logger, string system, string silo, SiloStatus status);
}
