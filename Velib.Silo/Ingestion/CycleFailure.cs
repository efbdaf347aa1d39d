using StackExchange.Redis;
using Velib.Silo.Feed;

namespace Velib.Silo.Ingestion;

/// <summary>
/// Why an ingest cycle failed, sorted in one place. The kind is the metric's and the span's <c>error.type</c>, the
/// prefix of the status's last error, and it chooses the log message: a feed that could not be fetched (the fetch's
/// own kind) or a rejected document ("format") is a warning, a store out of reach ("store") an error without a stack,
/// anything else ("internal") an error with one.
/// </summary>
internal sealed record CycleFailure(string Kind, Exception Exception)
{
    private const string Store = "store";
    private const string Internal = "internal";

    /// <summary>The status's last error: the kind, then what went wrong.</summary>
    public string Error => $"{Kind}: {Exception.Message}";

    public static CycleFailure Of(Exception ex) => new(ex switch
    {
        FeedFetchException f => f.Kind,
        FeedFormatException => "format",
        // Nothing was acknowledged: the next poll re-runs the cycle, and the spool skips what it already has.
        _ when IsStoreFailure(ex) => Store,
        _ => Internal,
    }, ex);

    public void Log(ILogger logger, string system)
    {
        switch (Kind)
        {
            case Internal: FeedLog.CycleFailed(logger, Exception, system); break;
            case Store: FeedLog.StoreUnavailable(logger, system, Exception.Message); break;
            default: FeedLog.DocumentRejected(logger, system, Kind, Exception.Message); break;
        }
    }

    private static bool IsStoreFailure(Exception ex) =>
        ex is RedisException or RedisTimeoutException || ex.InnerException is { } inner && IsStoreFailure(inner)
        || ex is AggregateException { InnerExceptions: var all } && all.Any(IsStoreFailure);
}
