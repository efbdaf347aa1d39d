using Velib.Contracts.Archive;
using Velib.Silo.Archive;

namespace Velib.Silo.Feed;

// The archive side of the ingestion grain: the spool is opened on activation, flushed by the archive reminder,
// retried with backoff when S3 fails, and flushed once more on deactivation.
internal sealed partial class FeedIngestionGrain
{
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var directory = archiveOptions.Value.SpoolFor(System);
        var spool = new ChangeSpool(directory, archiveOptions.Value.MaxPendingChanges);
        _archive = new ChangeArchive(System, spool, store, archiveOptions.Value, archiveMetrics, logger);
        if (spool.Pending > 0) ArchiveLog.Recovered(logger, System, spool.Pending, directory);
        await base.OnActivateAsync(cancellationToken);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // On shutdown, pending changes go to S3 now; if that fails they stay spooled for the next start.
        try { await FlushArchive().WaitAsync(TimeSpan.FromSeconds(20), cancellationToken); }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException) { }
        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    public async Task<long> FlushArchive()
    {
        try
        {
            var rows = await _archive.FlushAsync(time.GetUtcNow().UtcDateTime, CancellationToken.None);
            _archiveBackoff = FirstRetry;
            return rows;
        }
        catch (Exception ex)
        {
            // Retry sooner than the next reminder, backing off up to the archive interval.
            ArchiveLog.UploadFailed(logger, System, ex.Message, _archive.Pending, _archiveBackoff);
            _archiveRetry?.Dispose();
            _archiveRetry = this.RegisterGrainTimer(async _ => { await FlushArchive(); },
                new GrainTimerCreationOptions(_archiveBackoff, Timeout.InfiniteTimeSpan) { KeepAlive = true });
            _archiveBackoff = TimeSpan.FromTicks(Math.Min(_archiveBackoff.Ticks * 2, archiveOptions.Value.Interval.Ticks));
            return 0;
        }
    }

    public Task<ArchiveStatus> GetArchiveStatus() => Task.FromResult(_archive.Status);
}
