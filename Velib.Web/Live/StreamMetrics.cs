using System.Diagnostics.Metrics;

namespace Velib.Web.Live;

/// <summary>The stream's instruments, on the app's meter: open clients, clients dropped for being slow, versions published.</summary>
public sealed class StreamMetrics
{
    private readonly UpDownCounter<long> _clients;
    private readonly Counter<long> _dropped;
    private readonly Counter<long> _published;

    public StreamMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(Microsoft.Extensions.Hosting.Extensions.VelibTelemetryName);
        _clients = meter.CreateUpDownCounter<long>("velib.stream.clients", description: "Open /api/stations/stream connections");
        _dropped = meter.CreateCounter<long>("velib.stream.dropped", description: "Stream clients dropped because they did not read fast enough");
        _published = meter.CreateCounter<long>("velib.stream.versions", description: "Snapshot versions published to the stream");
    }

    public void Connected() => _clients.Add(1);

    public void Disconnected() => _clients.Add(-1);

    public void Dropped() => _dropped.Add(1);

    public void Published() => _published.Add(1);
}
