using Amazon.Runtime;
using Microsoft.Extensions.Options;

namespace Velib.Silo.Archive;

/// <summary>
/// Fails start-up with a clear message when the configured bucket does not exist. An unreachable S3 only
/// warns: ingestion goes on and the spool keeps every change until S3 is back.
/// </summary>
internal sealed partial class ArchiveBucketCheck(S3ArchiveStore lake, IOptions<S3Options> options, ILogger<ArchiveBucketCheck> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        bool exists;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            // A hanging S3 delays start-up by one request timeout at most, then only warns.
            timeout.CancelAfter(options.Value.Timeout);
            exists = await lake.BucketExistsAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is AmazonServiceException or HttpRequestException or OperationCanceledException or AmazonClientException)
        {
            Unreachable(logger, lake.Bucket, lake.Endpoint, ex.Message);
            return;
        }
        if (!exists)
        {
            throw new InvalidOperationException(
                $"The archive bucket '{lake.Bucket}' does not exist at {lake.Endpoint}. Create it, or set Velib:S3:Bucket to an existing bucket.");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(1, LogLevel.Warning, "Archive bucket '{Bucket}' at {Endpoint} could not be checked ({Reason}); changes will be spooled until S3 answers")]
    private static partial void Unreachable(ILogger logger, string bucket, string endpoint, string reason);
}
