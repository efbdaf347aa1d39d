using System.IO.Compression;
using Parquet;
using Parquet.Serialization;

namespace Velib.Lake.Layout;

/// <summary>Rows to and from Parquet bytes, zstd-compressed.</summary>
public static class ParquetCodec
{
    /// <summary>
    /// Writes rows. The silo's hourly flush keeps zstd's smallest size; a bulk import passes
    /// <see cref="CompressionLevel.Optimal"/>: measured on a day of real changes, 20 times faster (23 ms against 460 ms
    /// for 26,000 rows) for objects 26 % larger.
    /// </summary>
    public static async Task<byte[]> WriteAsync<T>(IReadOnlyCollection<T> rows, CancellationToken cancellationToken = default,
        CompressionLevel level = CompressionLevel.SmallestSize) where T : class, new()
    {
        using var stream = new MemoryStream();
        await ParquetSerializer.SerializeAsync(rows, stream, new ParquetOptions { CompressionMethod = CompressionMethod.Zstd, CompressionLevel = level },
            cancellationToken: cancellationToken);
        return stream.ToArray();
    }

    public static async Task<IList<T>> ReadAsync<T>(Stream parquet, CancellationToken cancellationToken = default) where T : class, new() =>
        (await ParquetSerializer.DeserializeAsync<T>(parquet, new ParquetOptions(), cancellationToken: cancellationToken)).Data;
}
