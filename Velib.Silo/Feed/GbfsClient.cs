using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace Velib.Silo.Feed;

/// <summary>Typed HTTP client for GBFS documents: gzip, a size cap, and errors that say what went wrong.</summary>
internal sealed class GbfsClient(HttpClient http, IOptions<FeedOptions> options)
{
    /// <summary>Downloads a document whole. Throws <see cref="FeedFetchException"/> on any HTTP, size or transfer failure.</summary>
    public async Task<ReadOnlyMemory<byte>> GetAsync(string url, CancellationToken cancellationToken)
    {
        var max = options.Value.MaxDocumentBytes;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new FeedFetchException("http", $"{url}: HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            }
            if (response.Content.Headers.ContentLength > max)
            {
                throw new FeedFetchException("size", $"{url}: {response.Content.Headers.ContentLength} bytes exceeds {max}");
            }
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var buffer = new MemoryStream(checked((int)(response.Content.Headers.ContentLength ?? 64 * 1024)));
            var chunk = System.Buffers.ArrayPool<byte>.Shared.Rent(81920);
            try
            {
                int read;
                while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
                {
                    if (buffer.Length + read > max)
                    {
                        throw new FeedFetchException("size", $"{url}: body exceeds {max} bytes");
                    }
                    buffer.Write(chunk, 0, read);
                }
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(chunk);
            }
            return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new FeedFetchException("timeout", $"{url}: no answer within {http.Timeout.TotalSeconds:0} s", ex);
        }
        catch (Polly.Timeout.TimeoutRejectedException ex)
        {
            throw new FeedFetchException("timeout", $"{url}: timed out ({ex.Message})", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new FeedFetchException("http", $"{url}: {ex.Message}", ex);
        }
        catch (IOException ex)
        {
            throw new FeedFetchException("truncated", $"{url}: transfer broken ({ex.Message})", ex);
        }
    }
}
