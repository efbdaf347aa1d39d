using Parquet;
using Parquet.Serialization;

namespace Velib.Lake.Layout;

/// <summary>Rows to and from Parquet bytes, zstd-compressed.</summary>
public static class ParquetCodec
{
    private static ParquetOptions Options => new() { CompressionMethod = CompressionMethod.Zstd };

    public static async Task<byte[]> WriteAsync<T>(IReadOnlyCollection<T> rows, CancellationToken cancellationToken = default) where T : class, new()
    {
        using var stream = new MemoryStream();
        await ParquetSerializer.SerializeAsync(rows, stream, Options, cancellationToken: cancellationToken);
        return stream.ToArray();
    }

    public static async Task<IList<T>> ReadAsync<T>(Stream parquet, CancellationToken cancellationToken = default) where T : class, new() =>
        (await ParquetSerializer.DeserializeAsync<T>(parquet, Options, cancellationToken: cancellationToken)).Data;
}
