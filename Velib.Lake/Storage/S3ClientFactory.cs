using Amazon;
using Amazon.Runtime;
using Amazon.S3;

namespace Velib.Lake.Storage;

/// <summary>Builds the S3 client from <see cref="S3Options"/>: explicit keys if configured, else the AWS default chain.</summary>
public static class S3ClientFactory
{
    public static IAmazonS3 Create(S3Options options)
    {
        var config = new AmazonS3Config
        {
            ForcePathStyle = options.ForcePathStyle,
            // Short timeouts and few retries: the spool keeps the data, so failing fast only delays an upload.
            Timeout = options.Timeout,
            MaxErrorRetry = 2,
        };
        if (!string.IsNullOrWhiteSpace(options.ServiceUrl))
        {
            config.ServiceURL = options.ServiceUrl;
            config.AuthenticationRegion = options.Region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }
        return string.IsNullOrEmpty(options.AccessKey) || string.IsNullOrEmpty(options.SecretKey)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config);
    }
}
