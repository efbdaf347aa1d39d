using Microsoft.Extensions.Diagnostics.HealthChecks;
using Velib.Contracts.Archive;
using Velib.Contracts.Feed;
using Velib.Silo.Health;
using Velib.Tests.Support;

namespace Velib.Tests.Health;

/// <summary>The silo's health rules, as the dashboard shows them.</summary>
[Unit]
public sealed class ClusterHealthTests
{
    private static readonly DateTime Now = new(2026, 11, 30, 8, 0, 0, DateTimeKind.Utc);

    private static FeedStatus Feed(int failures = 0, bool stale = false) =>
        new("live", "http://feed", Now, Now, 1499, 40, failures, failures > 0 ? "http: 503" : null, stale, 0, Now, "127.0.0.1:11111");

    private static ArchiveStatus Spool(long pending) => new("velib-archive", "http://s3", Now, null, pending, 0, 0, pending > 0 ? "timeout" : null);

    [Fact]
    public void A_fresh_feed_and_a_small_spool_are_healthy_and_say_what_runs()
    {
        var result = ClusterHealthCheck.Assess(Feed(), Spool(100), 1000);

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Equal("live feed, 1,499 stations, 100 changes to archive", result.Description);
    }

    [Theory]
    [InlineData(3, false, 0, "feed failed 3 times in a row: http: 503")]
    [InlineData(0, true, 0, "feed stale")]
    [InlineData(0, false, 800, "archive spool 80% full")]
    public void A_stale_or_failing_feed_or_a_filling_spool_is_degraded_with_the_reason(int failures, bool stale, long pending, string reason)
    {
        var result = ClusterHealthCheck.Assess(Feed(failures, stale), Spool(pending), 1000);

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Contains(reason, result.Description);
    }

    [Fact]
    public void Two_failures_are_not_yet_degraded()
    {
        Assert.Equal(HealthStatus.Healthy, ClusterHealthCheck.Assess(Feed(failures: 2), Spool(0), 1000).Status);
    }

    [Fact]
    public void A_full_spool_is_unhealthy_because_changes_are_being_refused()
    {
        var result = ClusterHealthCheck.Assess(Feed(stale: true), Spool(1000), 1000);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.StartsWith("archive spool full (1,000 changes)", result.Description);
    }
}
