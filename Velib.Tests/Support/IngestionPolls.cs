using Microsoft.Extensions.Time.Testing;
using Velib.Contracts.Feed;

namespace Velib.Tests.Support;

/// <summary>Polls on the test's clock, a minute apart, each one required to succeed.</summary>
public static class IngestionPolls
{
    /// <summary>Returns the changes the polls reported.</summary>
    public static async Task<long> PollMinutesAsync(this IFeedIngestionGrain ingestion, FakeTimeProvider time, int minutes)
    {
        long changes = 0;
        for (var i = 0; i < minutes; i++)
        {
            time.Advance(TimeSpan.FromMinutes(1));
            changes += await ingestion.Poll();
            var status = await ingestion.GetStatus();
            Assert.True(status.LastError is null, status.LastError);
        }
        return changes;
    }
}
