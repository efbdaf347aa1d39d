namespace Velib.Web.Live;

/// <summary>
/// One Server-Sent Event, already encoded: the same bytes go to every rider's connection.
/// </summary>
/// <param name="Version">The snapshot version it brings the client to; null for a status or heartbeat, which move no version.</param>
/// <param name="Bytes">The event as text.</param>
/// <param name="Gzipped">The same event as a deflate segment of a gzip stream (see <see cref="GzipSegments"/>).</param>
public sealed record StreamEvent(long? Version, ReadOnlyMemory<byte> Bytes, ReadOnlyMemory<byte> Gzipped)
{
    public StreamEvent(long? version, byte[] bytes) : this(version, bytes, GzipSegments.Compress(bytes)) { }

    /// <summary>The bytes for a connection, gzip'd or not.</summary>
    public ReadOnlyMemory<byte> For(bool gzip) => gzip ? Gzipped : Bytes;
}
