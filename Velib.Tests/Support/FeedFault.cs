namespace Velib.Tests.Support;

/// <summary>How <see cref="RecordedFeedServer"/> misbehaves on station_status.</summary>
public enum FeedFault
{
    None,
    ServerError,
    Garbage,
    TruncatedBody,
    BrokenTransfer,
}
