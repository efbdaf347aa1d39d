using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Velib.Contracts.Archive;
using Velib.Silo.Archive;
using Velib.Silo.Feed;
using Velib.Silo.Telemetry;

namespace Velib.Silo.Lake;

/// <summary>
/// Runs the daily compaction. The reminder fires hourly, so a day is compacted soon after it ends (plus one flush
/// interval for its last changes) and a missed run catches up; with nothing to do, a run is one listing.
/// </summary>
[Reentrant]
internal sealed class LakeCompactionGrain(S3ArchiveStore store, IOptions<ArchiveOptions> options, FeedClock clock,
    ILogger<LakeCompactionGrain> logger) : Grain, ILakeCompactionGrain, IRemindable
{
    private const string CompactionReminder = "velib.compaction";
    private Task<CompactionResult>? _running;

    public async Task Start() =>
        await this.RegisterOrUpdateReminder(CompactionReminder, TimeSpan.FromMinutes(5), TimeSpan.FromHours(1));

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        // Not awaited: the reminder only starts the run, which may wait long on a slow S3.
        _ = Compact();
        return Task.CompletedTask;
    }

    public Task<CompactionResult> Compact()
    {
        if (_running is { IsCompleted: false }) return _running;
        return _running = CompactOnce();
    }

    private async Task<CompactionResult> CompactOnce()
    {
        using var run = VelibActivity.StartRoot($"lake compaction {this.GetPrimaryKeyString()}");
        var compactor = new LakeCompactor(store, options.Value.Prefix);
        int days = 0, removed = 0;
        long rows = 0;
        try
        {
            // A day is finished once its last flush is due: late rows after that are folded in by a later run.
            var finishedBefore = clock.UtcNow - options.Value.Interval - TimeSpan.FromMinutes(10);
            foreach (var day in await compactor.DaysToCompactAsync(finishedBefore, CancellationToken.None))
            {
                var (dayRows, dayRemoved) = await compactor.CompactDayAsync(day, CancellationToken.None);
                LakeLog.Compacted(logger, day, dayRows, dayRemoved);
                (days, rows, removed) = (days + 1, rows + dayRows, removed + dayRemoved);
            }
            run?.SetTag("velib.lake.days", days).SetTag("velib.lake.rows", rows).SetTag("velib.lake.removed", removed);
            return new CompactionResult(days, rows, removed, null);
        }
        catch (Exception ex)
        {
            LakeLog.CompactionFailed(logger, ex.Message);
            run?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, ex.Message);
            return new CompactionResult(days, rows, removed, $"{ex.GetType().Name}: {ex.Message}");
        }
    }
}
