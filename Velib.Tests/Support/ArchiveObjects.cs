using Amazon.S3;
using Amazon.S3.Model;
using Velib.Silo.Archive;

namespace Velib.Tests.Support;

/// <summary>Reads the archive back the way a data person would: list the objects, read their Parquet rows.</summary>
public static class ArchiveObjects
{
    /// <summary>Every change row under <paramref name="changesPrefix"/>, over all pages of the listing.</summary>
    public static async Task<List<ChangeRow>> ChangeRows(IAmazonS3 s3, string bucket, string changesPrefix)
    {
        var rows = new List<ChangeRow>();
        foreach (var key in await Keys(s3, bucket, changesPrefix))
        {
            rows.AddRange(await ParquetCodec.ReadAsync<ChangeRow>(await Bytes(s3, bucket, key)));
        }
        return rows;
    }

    public static async Task<MemoryStream> Bytes(IAmazonS3 s3, string bucket, string key)
    {
        using var response = await s3.GetObjectAsync(bucket, key);
        var copy = new MemoryStream();
        await response.ResponseStream.CopyToAsync(copy);
        copy.Position = 0;
        return copy;
    }

    /// <summary>Every key under <paramref name="prefix"/>.</summary>
    public static async Task<List<string>> Keys(IAmazonS3 s3, string bucket, string prefix)
    {
        var keys = new List<string>();
        var request = new ListObjectsV2Request { BucketName = bucket, Prefix = prefix };
        ListObjectsV2Response page;
        do
        {
            page = await s3.ListObjectsV2Async(request);
            keys.AddRange(page.S3Objects?.Select(o => o.Key) ?? []);
            request.ContinuationToken = page.NextContinuationToken;
        }
        while (page.IsTruncated == true);
        return keys;
    }
}
