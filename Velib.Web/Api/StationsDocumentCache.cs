using System.IO.Compression;
using System.Text.Json;
using Velib.Contracts.Feed;

namespace Velib.Web.Api;

/// <summary>
/// The current <see cref="StationsDocument"/>. At most one version check per second reaches the cluster, whatever
/// the load, and the network is fetched and serialized only when its version changed.
/// </summary>
internal sealed class StationsDocumentCache(IClusterClient orleans, TimeProvider time)
{
    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(1);
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private StationsDocument? _document;
    private DateTimeOffset _checkedAt;

    public async Task<StationsDocument> GetAsync(CancellationToken cancellationToken)
    {
        if (_document is { } fresh && time.GetUtcNow() - _checkedAt < CheckEvery) return fresh;
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            // Another request may have refreshed it while this one waited.
            if (_document is { } current && time.GetUtcNow() - _checkedAt < CheckEvery) return current;
            var feed = orleans.GetGrain<IFeedIngestionGrain>(VelibSystem.Name);
            if (_document is null || await feed.GetVersion() != _document.Version)
            {
                var snapshot = await feed.GetSnapshot();
                _document = Build(snapshot.Version, JsonSerializer.SerializeToUtf8Bytes(snapshot.Stations, JsonSerializerOptions.Web));
            }
            _checkedAt = time.GetUtcNow();
            return _document;
        }
        finally
        {
            _refresh.Release();
        }
    }

    internal static StationsDocument Build(long version, byte[] json) =>
        // Compressed once per version, so the smallest size is worth its CPU.
        new(version, $"\"v{version}\"", json, Compress(json, s => new GZipStream(s, CompressionLevel.SmallestSize)),
            Compress(json, s => new BrotliStream(s, CompressionLevel.SmallestSize)));

    private static byte[] Compress(byte[] data, Func<Stream, Stream> compressor)
    {
        using var output = new MemoryStream();
        using (var stream = compressor(output)) stream.Write(data);
        return output.ToArray();
    }
}
