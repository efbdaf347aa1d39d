using System.Diagnostics.Metrics;

namespace Velib.Silo.Archive;

/// <summary>Archive metrics (<c>velib.archive.*</c>). One instance per silo, from DI.</summary>
internal sealed class ArchiveMetrics
{
    private readonly Counter<long> _rows, _bytes, _objects, _failures, _dropped;
    private readonly Histogram<double> _flushDuration;
    private long _pending;

    public ArchiveMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(Extensions.VelibTelemetryName);
        _rows = meter.CreateCounter<long>("velib.archive.rows", "{row}", "Change rows written to S3");
        _bytes = meter.CreateCounter<long>("velib.archive.bytes", "By", "Parquet bytes written to S3");
        _objects = meter.CreateCounter<long>("velib.archive.objects", "{object}", "Objects written to S3");
        _failures = meter.CreateCounter<long>("velib.archive.upload_failures", "{failure}", "Failed archive flushes");
        _dropped = meter.CreateCounter<long>("velib.archive.dropped", "{row}", "Changes refused because the spool was full");
        _flushDuration = meter.CreateHistogram<double>("velib.archive.flush.duration", "ms", "Duration of one archive flush");
        meter.CreateObservableGauge("velib.archive.pending", () => Interlocked.Read(ref _pending), "{row}", "Changes spooled, not yet in S3");
    }

    public void Pending(long pending) => Interlocked.Exchange(ref _pending, pending);

    public void ObjectWritten(long rows, long bytes)
    {
        _rows.Add(rows);
        _bytes.Add(bytes);
        _objects.Add(1);
    }

    public void FlushCompleted(double milliseconds) => _flushDuration.Record(milliseconds);

    public void UploadFailed() => _failures.Add(1);

    public void Dropped(long rows) => _dropped.Add(rows);
}
