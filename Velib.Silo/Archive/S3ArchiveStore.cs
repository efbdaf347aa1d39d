using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;
using Velib.Silo.Telemetry;

namespace Velib.Silo.Archive;

/// <summary>The archive bucket. The only component that talks to S3.</summary>
internal sealed class S3ArchiveStore(IAmazonS3 s3, IOptions<S3Options> options)
{
    public string Bucket => options.Value.Bucket;

    public string Endpoint => options.Value.DisplayEndpoint;

    /// <summary>Writes an object. Writing the same key again replaces it, which makes retries idempotent.</summary>
    public async Task PutAsync(string key, byte[] body, CancellationToken cancellationToken)
    {
        using var span = VelibActivity.Source.StartActivity("s3 PutObject", System.Diagnostics.ActivityKind.Client);
        span?.SetTag("rpc.system", "aws-api").SetTag("rpc.service", "S3").SetTag("rpc.method", "PutObject")
            .SetTag("aws.s3.bucket", Bucket).SetTag("aws.s3.key", key).SetTag("velib.bytes", body.Length);
        using var stream = new MemoryStream(body, writable: false);
        await s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = Bucket,
            Key = key,
            InputStream = stream,
            ContentType = "application/vnd.apache.parquet",
            // aws-chunked bodies are stored verbatim by some S3-compatible servers (s3rver among them).
            UseChunkEncoding = false,
        }, cancellationToken);
    }

    public async Task<List<string>> ListAsync(string prefix, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        var request = new ListObjectsV2Request { BucketName = Bucket, Prefix = prefix };
        ListObjectsV2Response response;
        do
        {
            response = await s3.ListObjectsV2Async(request, cancellationToken);
            keys.AddRange((response.S3Objects ?? []).Select(o => o.Key));
            request.ContinuationToken = response.NextContinuationToken;
        }
        while (response.IsTruncated == true);
        return keys;
    }

    public async Task<MemoryStream> GetAsync(string key, CancellationToken cancellationToken)
    {
        using var response = await s3.GetObjectAsync(Bucket, key, cancellationToken);
        var copy = new MemoryStream();
        await response.ResponseStream.CopyToAsync(copy, cancellationToken);
        copy.Position = 0;
        return copy;
    }

    /// <summary>True when the bucket exists; false when the service says it does not. Other failures throw.</summary>
    public async Task<bool> BucketExistsAsync(CancellationToken cancellationToken)
    {
        try
        {
            await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket, MaxKeys = 1 }, cancellationToken);
            return true;
        }
        catch (AmazonS3Exception ex) when (ex.ErrorCode == "NoSuchBucket" || ex.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return false;
        }
    }
}
