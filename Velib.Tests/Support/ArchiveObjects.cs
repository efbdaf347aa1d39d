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
        var request = new ListObjectsV2Request { BucketName = bucket, Prefix = changesPrefix };
        ListObjectsV2Response page;
        do
        {
            page = await s3.ListObjectsV2Async(request);
            foreach (var key in page.S3Objects?.Select(o => o.Key) ?? [])
            {
                using var response = await s3.GetObjectAsync(bucket, key);
                using var copy = new MemoryStream();
                await response.ResponseStream.CopyToAsync(copy);
                copy.Position = 0;
                rows.AddRange(await ParquetCodec.ReadAsync<ChangeRow>(copy));
            }
            request.ContinuationToken = page.NextContinuationToken;
        }
        while (page.IsTruncated == true);
        return rows;
    }
}
