using Microsoft.Extensions.Time.Testing;
using Velib.Web.Live;
using Velib.Tests.Support;

namespace Velib.Tests.Map;

/// <summary>The stream's fan-out to riders, on its own: bounded per client, never waiting on one.</summary>
[Unit]
public sealed class StationStreamTests
{
    private readonly FakeTimeProvider _time = new();

    private StationStream NewStream() => new(new StreamMetrics(LiveNetworkTests.Meters()), _time);

    private static StreamEvent Version(long v) => StreamEvents.Versioned(StreamEvents.Delta, v, "{}"u8);

    [Fact]
    public async Task A_client_that_never_reads_is_dropped_and_does_not_delay_the_others()
    {
        using var stream = NewStream();
        var stuck = stream.Connect();
        var reader = stream.Connect();
        var received = new List<long>();

        for (var v = 1; v <= StreamClient.Capacity * 3; v++)
        {
            stream.Publish(Version(v)); // returns at once: never waits on a client
            while (reader.Events.TryRead(out var e)) received.Add(e.Version!.Value);
        }

        Assert.True(stuck.IsDropped, "a client that never read its queue was not dropped");
        Assert.True(stuck.Dropped.IsCancellationRequested, "the dropped client's pending write was not cancelled");
        Assert.Equal(Enumerable.Range(1, StreamClient.Capacity * 3).Select(v => (long)v), received);
        Assert.Equal(1, stream.Count);
        // The dropped client's queue holds no more than its bound, and then ends.
        var held = 0;
        await foreach (var _ in stuck.Events.ReadAllAsync()) held++;
        Assert.Equal(StreamClient.Capacity, held);
    }

    [Fact]
    public void Heartbeats_reach_every_client_every_interval()
    {
        using var stream = NewStream();
        var client = stream.Connect();
        _time.Advance(StationStream.HeartbeatInterval);
        Assert.True(client.Events.TryRead(out var beat), "no heartbeat after one interval");
        Assert.Same(StreamEvents.Heartbeat, beat);
        Assert.False(client.Events.TryRead(out _));
    }

    [Fact]
    public void Clients_that_disconnect_leave_nothing_behind()
    {
        using var stream = NewStream();
        var clients = Enumerable.Range(0, 10_000).Select(_ => stream.Connect()).ToList();
        Assert.Equal(10_000, stream.Count);
        foreach (var c in clients) stream.Disconnect(c);
        Assert.Equal(0, stream.Count);
        stream.Publish(Version(1)); // nothing left to deliver to
    }
}
