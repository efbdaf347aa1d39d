using System.Diagnostics.Metrics;

namespace Velib.Silo.Telemetry;

/// <summary>Ingest metrics (<c>velib.ingest.*</c>, <c>velib.feed.*</c>). One instance per silo, from DI.</summary>
internal sealed class FeedMetrics
{
    private readonly Histogram<double> _cycleDuration;
    private readonly Histogram<int> _changed;
    private readonly Counter<long> _errors;
    private readonly Counter<long> _skipped;
    private DateTime? _feedUpdatedUtc;

    public FeedMetrics(IMeterFactory meterFactory, TimeProvider time)
    {
        var meter = meterFactory.Create(Extensions.VelibTelemetryName);
        _cycleDuration = meter.CreateHistogram<double>("velib.ingest.duration", "ms", "Duration of one ingest cycle");
        _changed = meter.CreateHistogram<int>("velib.ingest.stations_changed", "{station}", "Stations changed per cycle");
        _errors = meter.CreateCounter<long>("velib.feed.errors", "{error}", "Rejected feed documents, by kind");
        _skipped = meter.CreateCounter<long>("velib.feed.skipped_records", "{record}", "Invalid station records skipped");
        meter.CreateObservableGauge("velib.feed.age", () => _feedUpdatedUtc is { } t ? (time.GetUtcNow().UtcDateTime - t).TotalSeconds : double.NaN,
            "s", "Age of the last applied status document, by its own timestamp");
    }

    public void CycleCompleted(double milliseconds, int changed, bool simulated, DateTime? feedUpdatedUtc)
    {
        var tag = new KeyValuePair<string, object?>("velib.simulated", simulated);
        _cycleDuration.Record(milliseconds, tag);
        _changed.Record(changed, tag);
        _feedUpdatedUtc = feedUpdatedUtc ?? _feedUpdatedUtc;
    }

    public void FeedError(string kind) => _errors.Add(1, new KeyValuePair<string, object?>("error.type", kind));

    public void RecordsSkipped(int count)
    {
        if (count > 0) _skipped.Add(count);
    }
}
