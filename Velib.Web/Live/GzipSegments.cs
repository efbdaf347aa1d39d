using System.IO.Compression;

namespace Velib.Web.Live;

/// <summary>
/// Compresses each stream event once for every rider who accepts gzip. A stream is one gzip member that never
/// ends: a fixed header, then one deflate segment per event. Each segment comes from a fresh compressor and ends
/// with a sync flush, so it refers to nothing before it and ends on a byte boundary: any sequence of segments is a
/// valid deflate body, and the same bytes serve every connection whatever it received before. Events are 5 to 7
/// times smaller, which is what thousands of sockets hold and what the web writes each cycle.
/// </summary>
public static class GzipSegments
{
    /// <summary>A gzip header: deflate, no flags, no time, unknown OS. No trailer follows, since the stream never ends.</summary>
    public static ReadOnlyMemory<byte> Header { get; } = new byte[] { 0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff };

    public static byte[] Compress(ReadOnlySpan<byte> bytes)
    {
        using var buffer = new MemoryStream(bytes.Length / 4 + 64);
        var deflate = new DeflateStream(buffer, CompressionLevel.Optimal, leaveOpen: true);
        deflate.Write(bytes);
        deflate.Flush(); // a sync flush: all input out, byte-aligned, and no final block
        var segment = buffer.ToArray();
        deflate.Dispose(); // writes the final block after what was taken
        return segment;
    }
}
