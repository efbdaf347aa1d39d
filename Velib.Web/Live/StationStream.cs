using System.Collections.Concurrent;

namespace Velib.Web.Live;

/// <summary>
/// Every open <c>/api/stations/stream</c> of this process. An event is encoded once and its bytes handed to each
/// client's bounded queue; publishing never waits for a client, so one slow rider cannot delay the others.
/// </summary>
public sealed class StationStream : IDisposable
{
    /// <summary>Under the 30 s or more after which common proxies close an idle response.</summary>
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The most a connection buffers in this process before its socket takes it (the socket transport's write
    /// bound), and the slice an event is written in. A version goes to every stream at once, so about this times the
    /// streams is what the process holds while it is delivered; the kernel's socket buffers hold the rest. Two of
    /// Kestrel's 4 KB pool blocks less the chunk framing (at most 16 bytes): a dump of the web with 5,000 streams held
    /// three blocks a stream with slices of a whole 8 KB.
    /// </summary>
    public const int ConnectionBuffer = 8 * 1024 - 16;

    private readonly ConcurrentDictionary<StreamClient, byte> _clients = new();
    private readonly StreamMetrics _metrics;
    private readonly ITimer _heartbeat;

    public StationStream(StreamMetrics metrics, TimeProvider time)
    {
        _metrics = metrics;
        _heartbeat = time.CreateTimer(_ => Publish(StreamEvents.Heartbeat), null, HeartbeatInterval, HeartbeatInterval);
    }

    public int Count => _clients.Count;

    public StreamClient Connect()
    {
        var client = new StreamClient();
        _clients[client] = 0;
        _metrics.Connected();
        return client;
    }

    public void Disconnect(StreamClient client)
    {
        if (_clients.TryRemove(client, out _)) _metrics.Disconnected();
        client.Dispose();
    }

    /// <summary>Queues the event for every client; a client whose queue is full is dropped.</summary>
    public void Publish(StreamEvent e)
    {
        foreach (var client in _clients.Keys)
        {
            if (client.TryPush(e)) continue;
            client.Drop();
            if (_clients.TryRemove(client, out _))
            {
                _metrics.Disconnected();
                _metrics.Dropped();
            }
        }
        if (e.Version is not null) _metrics.Published();
    }

    public void Dispose() => _heartbeat.Dispose();
}
