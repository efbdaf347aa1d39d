using System.IO.Compression;

namespace Velib.Web.Api;

/// <summary>
/// A document at one snapshot version, serialized once and kept compressed, so that serving it costs what serving
/// a static file costs.
/// </summary>
/// <param name="ETag">Strong, from the version: equal bytes for equal tags.</param>
public sealed record CachedDocument(long Version, string ETag, byte[] Json, byte[] Gzip, byte[] Brotli)
{
    public byte[] Body(string? encoding) => encoding switch { "br" => Brotli, "gzip" => Gzip, _ => Json };

    public static CachedDocument Of(long version, byte[] json) =>
        // Compressed once per version, so the smallest size is worth its CPU.
        new(version, $"\"v{version}\"", json, Compress(json, s => new GZipStream(s, CompressionLevel.SmallestSize)),
            Compress(json, s => new BrotliStream(s, CompressionLevel.SmallestSize)));

    /// <summary>
    /// A document that rarely changes between versions (the stations' names): its ETag is its content's hash, so a
    /// browser's revalidation gets a 304 for as long as the names stay the same, whatever the version.
    /// </summary>
    public static CachedDocument OfContent(long version, byte[] json) =>
        Of(version, json) with { ETag = $"\"c{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(json), 0, 8)}\"" };

    private static byte[] Compress(byte[] data, Func<Stream, Stream> compressor)
    {
        using var output = new MemoryStream();
        using (var stream = compressor(output)) stream.Write(data);
        return output.ToArray();
    }
}
