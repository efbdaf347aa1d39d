using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;

namespace Velib.Lake.Storage;

/// <summary>The lake: the archive bucket. The only component that talks to S3.</summary>
public sealed class S3ArchiveStore(IAmazonS3 s3, IOptions<S3Options> options) : ILakeWriter
{
    public string Bucket => options.Value.Bucket;

    public string Endpoint => options.Value.DisplayEndpoint;

    /// <summary>Writes an object. Writing the same key again replaces it, which makes retries idempotent.</summary>
    public async Task PutAsync(string key, byte[] body, CancellationToken cancellationToken, string contentType = "application/vnd.apache.parquet")
    {
        using var span = LakeActivity.Source.StartActivity("s3 PutObject", System.Diagnostics.ActivityKind.Client);
        span?.SetTag("rpc.system", "aws-api").SetTag("rpc.service", "S3").SetTag("rpc.method", "PutObject")
            .SetTag("aws.s3.bucket", Bucket).SetTag("aws.s3.key", key).SetTag("velib.bytes", body.Length);
        using var stream = new MemoryStream(body, writable: false);
        await s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = Bucket,
            Key = key,
            InputStream = stream,
            ContentType = contentType,
            // aws-chunked bodies are stored verbatim by some S3-compatible servers (s3rver among them).
            UseChunkEncoding = false,
        }, cancellationToken);
    }

    public async Task<List<string>> ListAsync(string prefix, CancellationToken cancellationToken) =>
        [.. (await ListObjectsAsync(prefix, cancellationToken)).Select(o => o.Key)];

    /// <summary>
    /// The objects under <paramref name="prefix"/> with their versions, from the same listing calls as the keys alone
    /// (S3 returns each object's ETag in a listing): a service that omits it gets size and time instead.
    /// </summary>
    public async Task<List<LakeObject>> ListObjectsAsync(string prefix, CancellationToken cancellationToken)
    {
        var objects = new List<LakeObject>();
        var request = new ListObjectsV2Request { BucketName = Bucket, Prefix = prefix };
        ListObjectsV2Response response;
        do
        {
            response = await s3.ListObjectsV2Async(request, cancellationToken);
            objects.AddRange((response.S3Objects ?? []).Select(o => new LakeObject(o.Key,
                string.IsNullOrEmpty(o.ETag) ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{o.Size}@{o.LastModified:O}") : o.ETag)));
            request.ContinuationToken = response.NextContinuationToken;
        }
        while (response.IsTruncated == true);
        return objects;
    }

    /// <summary>The first key under <paramref name="prefix"/> in key order (with date partitions, the oldest), or null.</summary>
    public async Task<string?> FirstKeyAsync(string prefix, CancellationToken cancellationToken) =>
        (await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket, Prefix = prefix, MaxKeys = 1 }, cancellationToken))
            .S3Objects?.FirstOrDefault()?.Key;

    public async Task<MemoryStream> GetAsync(string key, CancellationToken cancellationToken)
    {
        using var response = await s3.GetObjectAsync(Bucket, key, cancellationToken);
        var copy = new MemoryStream();
        await response.ResponseStream.CopyToAsync(copy, cancellationToken);
        copy.Position = 0;
        return copy;
    }

    /// <summary>The object, or null when it does not exist (a compaction removed it since it was listed).</summary>
    public async Task<MemoryStream?> TryGetAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return await GetAsync(key, cancellationToken);
        }
        catch (AmazonS3Exception ex) when (ex.ErrorCode == "NoSuchKey" || ex.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>True when the object exists (a HEAD, so a large object is not read to find out).</summary>
    public async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            await s3.GetObjectMetadataAsync(Bucket, key, cancellationToken);
            return true;
        }
        catch (AmazonS3Exception ex) when (ex.ErrorCode == "NoSuchKey" || ex.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        using var span = LakeActivity.Source.StartActivity("s3 DeleteObject", System.Diagnostics.ActivityKind.Client);
        span?.SetTag("rpc.system", "aws-api").SetTag("rpc.service", "S3").SetTag("rpc.method", "DeleteObject")
            .SetTag("aws.s3.bucket", Bucket).SetTag("aws.s3.key", key);
        await s3.DeleteObjectAsync(Bucket, key, cancellationToken);
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
