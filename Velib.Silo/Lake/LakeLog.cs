namespace Velib.Silo.Lake;

internal static partial class LakeLog
{
    [LoggerMessage(20, LogLevel.Information, "Lake: compacted {Day:yyyy-MM-dd} into one object of {Rows} changes, {Removed} hourly objects removed")]
    public static partial void Compacted(ILogger logger, DateTime day, int rows, int removed);

    [LoggerMessage(21, LogLevel.Warning, "Lake: compaction stopped ({Reason}); the next run finishes it")]
    public static partial void CompactionFailed(ILogger logger, string reason);
}
