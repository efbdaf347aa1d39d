using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using StackExchange.Redis;
using Velib.Contracts.Archive;
using Velib.Contracts.Stations;
using Velib.Silo.Archive.Spool;
using Velib.ServiceDefaults;
using Velib.Silo.Feed;

namespace Velib.Silo.Archive;

/// <summary>
/// One per system: the spool (in the store), the flush reminder, retries with backoff for the uploads to the lake
/// (S3). Reentrant, so that an append or a status call never waits behind an upload to a slow or hanging lake.
/// </summary>
[Reentrant]
internal sealed class ArchiveGrain(
    [FromKeyedServices(StoreConnection.Name)] IConnectionMultiplexer store, ILakeWriter lake,
    IOptions<ArchiveOptions> options, ArchiveMetrics metrics, FeedClock clock, ILogger<ArchiveGrain> logger)
    : Grain, IArchiveGrain, IRemindable
{
    private const string FlushReminder = "velib.archive";
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(15);
    private ChangeArchive _archive = null!;
    private Task<ArchiveFlush>? _flushing;
    private IGrainTimer? _retry;
    private TimeSpan _backoff = FirstRetry;

    private string System => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var spool = new StoreSpool(store.GetDatabase(), System, options.Value.MaxPendingChanges);
        _archive = new ChangeArchive(System, spool, lake, options.Value, metrics, logger);
        await _archive.LoadAsync();
        if (_archive.Pending > 0) ArchiveLog.Recovered(logger, System, _archive.Pending);
        await base.OnActivateAsync(cancellationToken);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // On shutdown, pending changes go to the lake now; if that fails or takes too long they stay spooled in the store.
        try { await Flush().WaitAsync(TimeSpan.FromSeconds(15), cancellationToken); }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException) { }
        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    public async Task Start()
    {
        var interval = options.Value.Interval;
        await this.RegisterOrUpdateReminder(FlushReminder, interval, interval);
        await GrainFactory.GetGrain<ILakeCompactionGrain>(System).Start();
        await GrainFactory.GetGrain<Velib.Contracts.Forecast.IForecastGrain>(System).Start();
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        // Not awaited: the reminder only starts the flush, which may wait long on a hanging S3.
        _ = Flush();
        return Task.CompletedTask;
    }

    public Task<long> Append(ImmutableArray<StationChange> changes) => _archive.AppendAsync(changes);

    public Task AppendStations(ImmutableArray<StationInfo> stations, DateTime observedUtc) =>
        _archive.AppendStationsAsync(stations, observedUtc);

    public Task AppendCheckpoint(ImmutableArray<StationChange> rows, DateTime atUtc) => _archive.AppendCheckpointAsync(rows, atUtc);

    public Task<ArchiveFlush> Flush()
    {
        // One flush at a time; a caller during a flush gets that flush's result.
        if (_flushing is { IsCompleted: false }) return _flushing;
        return _flushing = FlushOnce();
    }

    public Task<ArchiveStatus> GetStatus() => Task.FromResult(_archive.Status);

    private async Task<ArchiveFlush> FlushOnce()
    {
        try
        {
            var (rows, objects) = await _archive.FlushAsync(clock.UtcNow, CancellationToken.None);
            _backoff = FirstRetry;
            return new ArchiveFlush(rows, objects, null);
        }
        catch (Exception ex)
        {
            // Retry sooner than the next reminder, backing off up to the archive interval.
            ArchiveLog.UploadFailed(logger, System, ex.Message, _archive.Pending, _backoff);
            _retry?.Dispose();
            _retry = this.RegisterGrainTimer(_ => Flush(),
                new GrainTimerCreationOptions(_backoff, Timeout.InfiniteTimeSpan) { KeepAlive = true, Interleave = true });
            _backoff = TimeSpan.FromTicks(Math.Min(_backoff.Ticks * 2, options.Value.Interval.Ticks));
            return new ArchiveFlush(0, 0, $"{ex.GetType().Name}: {ex.Message}");
        }
    }
}
