namespace Velib.Silo.Archive;

internal static partial class ArchiveLog
{
    [LoggerMessage(1, LogLevel.Information, "Archive {System}: flushed {Rows} changes in {Objects} objects to s3://{Bucket}/ (last {Key})")]
    public static partial void Flushed(ILogger logger, string system, long rows, int objects, string bucket, string key);

    [LoggerMessage(2, LogLevel.Warning, "Archive {System}: upload failed ({Reason}); {Pending} changes stay spooled, retry in {Delay}")]
    public static partial void UploadFailed(ILogger logger, string system, string reason, long pending, TimeSpan delay);

    [LoggerMessage(3, LogLevel.Warning, "Archive {System}: spool is {Percent:0}% full ({Pending} changes); S3 has been failing since {Since}")]
    public static partial void SpoolFilling(ILogger logger, string system, int percent, long pending, DateTime? since);

    [LoggerMessage(4, LogLevel.Error, "Archive {System}: spool full, {Rows} changes were NOT archived")]
    public static partial void SpoolFull(ILogger logger, string system, long rows);

    [LoggerMessage(5, LogLevel.Information, "Archive {System}: {Pending} changes waiting in the store spool")]
    public static partial void Recovered(ILogger logger, string system, long pending);
}
