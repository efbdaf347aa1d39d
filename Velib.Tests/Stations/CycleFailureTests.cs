using StackExchange.Redis;
using Velib.Silo.Feed;
using Velib.Silo.Ingestion;
using Velib.Tests.Support;

namespace Velib.Tests.Stations;

/// <summary>Unit tests: how an ingest cycle's failure is sorted, and how each kind is logged.</summary>
[Unit]
public sealed class CycleFailureTests
{
    private static readonly RedisConnectionException StoreDown = new(ConnectionFailureType.UnableToConnect, "store down");

    public static TheoryData<Exception, string> Failures() => new()
    {
        { new FeedFetchException("timeout", "no answer in 10 s"), "timeout" },
        { new FeedFetchException("http", "503"), "http" },
        { new FeedFormatException("not JSON"), "format" },
        { StoreDown, "store" },
        { new RedisTimeoutException("slow store", CommandStatus.Sent), "store" },
        // A station grain call that failed on the store reaches the cycle wrapped by the fan-out.
        { new InvalidOperationException("1 station grain calls failed", StoreDown), "store" },
        { new AggregateException(new InvalidOperationException("other"), StoreDown), "store" },
        { new InvalidOperationException("a bug"), "internal" },
        { new AggregateException(new InvalidOperationException("a bug")), "internal" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void A_failure_is_sorted_by_what_went_wrong(Exception exception, string kind)
    {
        var failure = CycleFailure.Of(exception);

        Assert.Equal(kind, failure.Kind);
        Assert.Equal($"{kind}: {exception.Message}", failure.Error);
    }

    [Fact]
    public void Each_kind_is_logged_its_own_way_and_only_an_unexpected_one_with_its_stack()
    {
        using var logs = new CapturingLoggerProvider();
        var logger = logs.CreateLogger("ingest");
        var bug = new InvalidOperationException("a bug");

        CycleFailure.Of(new FeedFormatException("not JSON")).Log(logger, "velib");
        CycleFailure.Of(StoreDown).Log(logger, "velib");
        CycleFailure.Of(bug).Log(logger, "velib");

        var lines = logs.Lines.ToArray();
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("Warning ingest: Feed velib: document rejected (format): not JSON.", lines[0]);
        Assert.StartsWith("Error ingest: Feed velib: the store is unreachable (store down).", lines[1]);
        Assert.DoesNotContain(nameof(RedisConnectionException), lines[1]);
        Assert.StartsWith("Error ingest: Feed velib: cycle failed unexpectedly", lines[2]);
        Assert.EndsWith(bug.ToString(), lines[2]);
    }
}
