using System.Diagnostics;
using Velib.Contracts.Archive;
using Velib.Contracts.Stations;
using Velib.Silo.Archive.Spool;
using Velib.Silo.Telemetry;

namespace Velib.Silo.Archive;

/// <summary>
/// One system's archive: spools changes durably in the store (Garnet), and on flush turns each sealed batch into one
/// Parquet object per hour in the lake (S3). A batch leaves the spool only when all its objects are in the lake, so
/// an outage or a lost silo never loses a change, and its keys never change, so a retry never duplicates one.
/// </summary>
internal sealed class ChangeArchive(string system, StoreSpool spool, ILakeWriter lake, ArchiveOptions options,
    ArchiveMetrics metrics, ILogger logger)
{
    private DateTime? _lastFlushUtc, _failingSinceUtc;
    private string? _lastKey, _lastError;
    private long _objects, _rows, _pending;
    private int _warnedPercent;

    /// <summary>Rows pending at the last append or flush (kept here so that a status never waits on the store).</summary>
    public long Pending => _pending;

    public ArchiveStatus Status => new(lake.Bucket, lake.Endpoint, _lastFlushUtc, _lastKey, _pending, _objects, _rows, _lastError);

    public async Task LoadAsync()
    {
        _pending = await spool.PendingAsync();
        metrics.Pending(_pending);
    }

    /// <summary>Spools changes before the cycle that found them is acknowledged. Returns the rows appended.</summary>
    public async Task<long> AppendAsync(IReadOnlyList<StationChange> changes)
    {
        var (appended, pending) = await spool.AppendAsync(changes);
        _pending = pending;
        metrics.Pending(pending);
        if (appended < 0)
        {
            metrics.Dropped(-appended);
            ArchiveLog.SpoolFull(logger, system, -appended);
            return 0;
        }
        // Warn at 80 % and at each further 5 %, not on every cycle.
        var percent = (int)(100 * pending / spool.MaxPending) / 5 * 5;
        if (percent >= 80 && percent > _warnedPercent)
        {
            ArchiveLog.SpoolFilling(logger, system, percent, pending, _failingSinceUtc);
        }
        _warnedPercent = percent;
        return appended;
    }

    /// <summary>Spools a station_information snapshot (at start, and whenever it changes).</summary>
    public Task AppendStationsAsync(IEnumerable<StationInfo> stations, DateTime observedUtc) =>
        spool.AddStationsAsync([.. stations.Select(s => new StationRow
        {
            System = system, StationId = s.Id, StationCode = s.Code, Name = s.Name, Lat = s.Lat, Lon = s.Lon,
            Capacity = s.Capacity, ObservedAt = observedUtc,
        })], observedUtc);

    /// <summary>Spools a full-state checkpoint: every station's latest change, as the network is at <paramref name="atUtc"/>.</summary>
    public Task AppendCheckpointAsync(IReadOnlyList<StationChange> rows, DateTime atUtc) => spool.AddCheckpointAsync(rows, atUtc);

    /// <summary>Uploads every sealed batch; throws on the first failure, keeping what is not yet uploaded.</summary>
    public async Task<(long Rows, int Objects)> FlushAsync(DateTime nowUtc, CancellationToken cancellationToken)
    {
        using var flush = VelibActivity.StartRoot($"archive flush {system}");
        var started = Stopwatch.GetTimestamp();
        long rows = 0;
        var objects = 0;
        try
        {
            await spool.SealAsync(nowUtc);
            foreach (var batch in await spool.SealedAsync())
            {
                if (batch.Kind == SpoolBatchKind.Stations)
                {
                    var stations = await spool.ReadAsync(batch, SpoolJson.Default.StationRow);
                    await PutAsync(ArchiveLayout.StationsKey(options.Prefix, batch.StampUtc), stations, 0, cancellationToken);
                    _pending = await spool.CompleteAsync(batch, 0);
                    objects++;
                    continue;
                }
                if (batch.Kind == SpoolBatchKind.Checkpoint)
                {
                    var checkpoint = await spool.ReadChangesAsync(batch);
                    await PutAsync(ArchiveLayout.CheckpointKey(options.Prefix, batch.StampUtc), [.. checkpoint.Select(c => ChangeRow.From(system, c))], 0, cancellationToken);
                    _pending = await spool.CompleteAsync(batch, 0);
                    objects++;
                    continue;
                }
                var changes = await spool.ReadChangesAsync(batch);
                foreach (var hour in changes.GroupBy(c => ArchiveLayout.HourOf(c.ObservedUtc)).OrderBy(g => g.Key))
                {
                    var key = ArchiveLayout.ChangesKey(options.Prefix, hour.Key, batch.StampUtc, batch.BatchId);
                    await PutAsync(key, [.. hour.Select(c => ChangeRow.From(system, c))], hour.Count(), cancellationToken);
                    objects++;
                }
                _pending = await spool.CompleteAsync(batch, changes.Count);
                rows += changes.Count;
            }
            _lastFlushUtc = nowUtc;
            _lastError = null;
            _failingSinceUtc = null;
            flush?.SetTag("velib.archive.rows", rows).SetTag("velib.archive.objects", objects);
            if (objects > 0) ArchiveLog.Flushed(logger, system, rows, objects, lake.Bucket, _lastKey!);
            return (rows, objects);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _lastError = $"{ex.GetType().Name}: {ex.Message}";
            _failingSinceUtc ??= nowUtc;
            metrics.UploadFailed();
            flush?.SetStatus(ActivityStatusCode.Error, _lastError);
            throw;
        }
        finally
        {
            metrics.Pending(_pending);
            metrics.FlushCompleted(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    private async Task PutAsync<T>(string key, IReadOnlyCollection<T> rows, long changeRows, CancellationToken cancellationToken) where T : class, new()
    {
        var body = await ParquetCodec.WriteAsync(rows, cancellationToken);
        await lake.PutAsync(key, body, cancellationToken);
        _lastKey = key;
        _objects++;
        _rows += changeRows;
        metrics.ObjectWritten(changeRows, body.Length);
    }
}
