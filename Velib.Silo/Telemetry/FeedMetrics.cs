using System.Diagnostics.Metrics;
using Velib.Contracts.Stations;
using Velib.Silo.Feed;

namespace Velib.Silo.Telemetry;

/// <summary>Ingest metrics (<c>velib.ingest.*</c>, <c>velib.feed.*</c>). One instance per silo, from DI.</summary>
internal sealed class FeedMetrics
{
    private readonly Histogram<double> _cycleDuration;
    private readonly Histogram<int> _changed;
    private readonly Counter<long> _errors;
    private readonly Counter<long> _skipped;
    private DateTime? _feedUpdatedUtc;
    private NetworkTotals? _network;

    public FeedMetrics(IMeterFactory meterFactory, FeedClock clock)
    {
        var meter = meterFactory.Create(Extensions.VelibTelemetryName);
        _cycleDuration = meter.CreateHistogram<double>("velib.ingest.duration", "ms", "Duration of one ingest cycle");
        _changed = meter.CreateHistogram<int>("velib.ingest.stations_changed", "{station}", "Stations changed per cycle");
        _errors = meter.CreateCounter<long>("velib.feed.errors", "{error}", "Rejected feed documents, by kind");
        _skipped = meter.CreateCounter<long>("velib.feed.skipped_records", "{record}", "Invalid station records skipped");
        meter.CreateObservableGauge("velib.feed.age", () => _feedUpdatedUtc is { } t ? (clock.UtcNow - t).TotalSeconds : double.NaN,
            "s", "Age of the last applied status document, by its own timestamp");
        // The network as the map shows it (the same NetworkTotals), so the morning rush can be watched from the dashboard.
        Gauge(meter, "velib.network.bikes", "{bike}", "Bikes available in the network", t => t.Bikes);
        Gauge(meter, "velib.network.mechanical", "{bike}", "Mechanical bikes available", t => t.Mechanical);
        Gauge(meter, "velib.network.ebikes", "{bike}", "E-bikes available", t => t.Ebikes);
        Gauge(meter, "velib.network.docks", "{dock}", "Free docks", t => t.FreeDocks);
        Gauge(meter, "velib.network.empty_stations", "{station}", "Installed stations with no bike", t => t.EmptyStations);
        Gauge(meter, "velib.network.full_stations", "{station}", "Installed stations with no free dock", t => t.FullStations);
    }

    /// <summary>Reports the network of the grain's last snapshot; null when ingestion leaves this silo. Only the silo that ingests reports it.</summary>
    public void Network(NetworkTotals? totals) => Volatile.Write(ref _network, totals);

    private void Gauge(Meter meter, string name, string unit, string description, Func<NetworkTotals, int> value) =>
        meter.CreateObservableGauge(name, () => Volatile.Read(ref _network) is { } t ? [new Measurement<int>(value(t))] : Array.Empty<Measurement<int>>(), unit, description);

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
