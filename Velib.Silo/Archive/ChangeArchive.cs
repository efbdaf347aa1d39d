using System.Diagnostics;
using Velib.Contracts.Archive;
using Velib.Contracts.Stations;
using Velib.Silo.Feed;
using Velib.Silo.Telemetry;

namespace Velib.Silo.Archive;

/// <summary>
/// One system's archive: spools changes durably, and on flush turns each sealed batch into one Parquet object
/// per hour. A batch leaves the spool only when all its objects are in S3, so an outage or a crash never
/// loses a change, and its keys never change, so a retry never duplicates one.
/// </summary>
internal sealed class ChangeArchive(string system, ChangeSpool spool, S3ArchiveStore store, ArchiveOptions options,
    ArchiveMetrics metrics, ILogger logger)
{
    private DateTime? _lastFlushUtc, _failingSinceUtc;
    private string? _lastKey, _lastError;
    private long _objects, _rows;

    public long Pending => spool.Pending;

    public ArchiveStatus Status => new(store.Bucket, store.Endpoint, _lastFlushUtc, _lastKey, spool.Pending, _objects, _rows, _lastError);

    /// <summary>Spools changes before the cycle that found them is acknowledged.</summary>
    public async Task AppendAsync(IReadOnlyList<StationChange> changes)
    {
        if (!await spool.AppendAsync(changes))
        {
            metrics.Dropped(changes.Count);
            ArchiveLog.SpoolFull(logger, system, changes.Count);
        }
        else if (spool.Fill >= 0.8)
        {
            ArchiveLog.SpoolFilling(logger, system, spool.Fill * 100, spool.Pending, _failingSinceUtc);
        }
        metrics.Pending(spool.Pending);
    }

    /// <summary>Spools a station_information snapshot (at start, and whenever it changes).</summary>
    public Task AppendStationsAsync(IEnumerable<StationInfoRecord> stations, DateTime observedUtc) =>
        spool.AppendStationsAsync([.. stations.Select(s => new StationRow
        {
            System = system, StationId = s.Id, StationCode = s.Code, Name = s.Name, Lat = s.Lat, Lon = s.Lon,
            Capacity = s.Capacity, ObservedAt = observedUtc,
        })], observedUtc);

    /// <summary>Uploads every sealed batch; throws on the first failure, keeping what is not yet uploaded.</summary>
    public async Task<long> FlushAsync(DateTime nowUtc, CancellationToken cancellationToken)
    {
        using var flush = VelibActivity.StartRoot($"archive flush {system}");
        var started = Stopwatch.GetTimestamp();
        long rows = 0;
        var objects = 0;
        try
        {
            spool.Seal(nowUtc);
            foreach (var file in spool.Sealed())
            {
                if (file.IsStations)
                {
                    var stations = await ChangeSpool.ReadAsync(file, SpoolJson.Default.StationRow);
                    await PutAsync(ArchiveLayout.StationsKey(options.Prefix, file.StampUtc), stations, 0, cancellationToken);
                    spool.Complete(file, 0);
                    objects++;
                    continue;
                }
                var changes = await ChangeSpool.ReadAsync(file, SpoolJson.Default.StationChange);
                foreach (var hour in changes.GroupBy(c => ArchiveLayout.HourOf(c.ObservedUtc)).OrderBy(g => g.Key))
                {
                    var key = ArchiveLayout.ChangesKey(options.Prefix, hour.Key, file.StampUtc, file.BatchId);
                    await PutAsync(key, [.. hour.Select(c => ChangeRow.From(system, c))], hour.Count(), cancellationToken);
                    objects++;
                }
                spool.Complete(file, changes.Count);
                rows += changes.Count;
            }
            _lastFlushUtc = nowUtc;
            _lastError = null;
            _failingSinceUtc = null;
            flush?.SetTag("velib.archive.rows", rows).SetTag("velib.archive.objects", objects);
            if (objects > 0) ArchiveLog.Flushed(logger, system, rows, objects, store.Bucket, _lastKey!);
            return rows;
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
            metrics.Pending(spool.Pending);
            metrics.FlushCompleted(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    private async Task PutAsync<T>(string key, IReadOnlyCollection<T> rows, long changeRows, CancellationToken cancellationToken) where T : class, new()
    {
        var body = await ParquetCodec.WriteAsync(rows, cancellationToken);
        await store.PutAsync(key, body, cancellationToken);
        _lastKey = key;
        _objects++;
        _rows += changeRows;
        metrics.ObjectWritten(changeRows, body.Length);
    }
}
