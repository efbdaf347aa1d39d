using System.IO.Compression;
using System.Text;
using Velib.Web.Live;
using Velib.Tests.Support;

namespace Velib.Tests.Map;

/// <summary>
/// The stream's gzip coding: each event is compressed once for every rider, so any run of events, in any order a
/// connection happens to get them, must read back as the same text.
/// </summary>
[Unit]
public sealed class GzipSegmentsTests
{
    private static StreamEvent Event(long v, int stations) => StreamEvents.Versioned(StreamEvents.Delta, v,
        Encoding.UTF8.GetBytes("{\"stations\":[" + string.Join(',', Enumerable.Range(0, stations)
            .Select(i => $"{{\"id\":{i},\"mechanical\":{i % 7},\"ebike\":{i % 3},\"docks\":{i % 11}}}")) + "]}"));

    private static string Gunzip(IEnumerable<StreamEvent> events)
    {
        using var wire = new MemoryStream();
        wire.Write(GzipSegments.Header.Span);
        foreach (var e in events) wire.Write(e.Gzipped.Span);
        wire.Position = 0; // and no trailer, as a stream that is still open has none
        using var gzip = new GZipStream(wire, CompressionMode.Decompress);
        using var text = new StreamReader(gzip, Encoding.UTF8);
        return text.ReadToEnd();
    }

    [Fact]
    public void Events_compressed_one_by_one_read_back_as_their_text_in_any_sequence()
    {
        var events = new[] { StreamEvents.Retry, Event(1, 1500), StreamEvents.Heartbeat, Event(2, 40), Event(3, 1500) };
        foreach (var sequence in new[] { events, events.Reverse().ToArray(), events.Skip(2).ToArray() })
        {
            var expected = string.Concat(sequence.Select(e => Encoding.UTF8.GetString(e.Bytes.Span)));
            Assert.Equal(expected, Gunzip(sequence));
        }
    }

    [Fact]
    public void A_whole_network_event_is_several_times_smaller_compressed()
    {
        var full = Event(1, 1500);
        Assert.True(full.Gzipped.Length * 4 < full.Bytes.Length,
            $"{full.Bytes.Length:N0} bytes compressed only to {full.Gzipped.Length:N0}");
    }
}
