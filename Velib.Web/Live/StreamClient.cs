using System.Threading.Channels;

namespace Velib.Web.Live;

/// <summary>
/// One open stream. Its queue is bounded: a client that stops reading fills it and is dropped (its pending write
/// cancelled), so it never holds more than <see cref="Capacity"/> events nor slows anyone else. EventSource then
/// reconnects with its last id and misses nothing.
/// </summary>
public sealed class StreamClient : IDisposable
{
    /// <summary>Events queued before a client counts as too slow: a minute of pushes and heartbeats and more.</summary>
    public const int Capacity = 16;

    private readonly Channel<StreamEvent> _queue = Channel.CreateBounded<StreamEvent>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, SingleWriter = false, FullMode = BoundedChannelFullMode.Wait });
    private readonly CancellationTokenSource _dropped = new();

    public ChannelReader<StreamEvent> Events => _queue.Reader;

    /// <summary>Cancelled when the client is dropped for being too slow.</summary>
    public CancellationToken Dropped => _dropped.Token;

    public bool IsDropped => _dropped.IsCancellationRequested;

    /// <summary>Queues an event without waiting; false when the queue is full.</summary>
    internal bool TryPush(StreamEvent e) => _queue.Writer.TryWrite(e);

    internal void Drop()
    {
        _queue.Writer.TryComplete();
        try { _dropped.Cancel(); }
        catch (ObjectDisposedException) { } // the connection already ended
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _dropped.Dispose();
    }
}
