using Amazon.S3.Model;
using Velib.Tests.Support;

namespace Velib.Tests.Archive;

/// <summary>The local S3 server pages its listings, as a lake of more than 1,000 objects needs.</summary>
[Integration]
public sealed class S3rverListingTests(SharedS3 shared) : IClassFixture<SharedS3>
{
    [Fact]
    public async Task A_listing_longer_than_one_page_continues_on_the_next_page()
    {
        using var s3 = shared.Server.Client();
        var prefix = $"t{Guid.NewGuid().ToString("N")[..8]}/";
        foreach (var i in Enumerable.Range(0, 5))
        {
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = shared.Server.Bucket, Key = $"{prefix}k{i}", ContentBody = "x", UseChunkEncoding = false });
        }

        var keys = new List<string>();
        var request = new ListObjectsV2Request { BucketName = shared.Server.Bucket, Prefix = prefix, MaxKeys = 2 };
        var pages = 0;
        ListObjectsV2Response page;
        do
        {
            page = await s3.ListObjectsV2Async(request);
            keys.AddRange(page.S3Objects?.Select(o => o.Key) ?? []);
            request.ContinuationToken = page.NextContinuationToken;
            pages++;
        }
        while (page.IsTruncated == true);

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"{prefix}k{i}"), keys);
    }
}
