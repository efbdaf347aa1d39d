using Velib.Contracts.Archive;
using Velib.Contracts.Stations;

namespace Velib.Contracts.Feed;

/// <summary>
/// One per GBFS system (key: the system name, <c>velib</c>). Polls the feed, fans changes out to the
/// station grains, keeps the versioned network snapshot and collects changes for the archive.
/// </summary>
public interface IFeedIngestionGrain : IGrainWithStringKey
{
    /// <summary>Registers the keep-alive reminder and starts polling. Idempotent.</summary>
    Task Start();

    /// <summary>Runs one ingest cycle now. Returns the number of stations that changed.</summary>
    Task<int> Poll();

    /// <summary>
    /// Uploads every spooled change to S3 now (the archive reminder calls this). Idempotent: a retry reuses the
    /// object keys of the batch it retries. Returns the number of change rows uploaded.
    /// </summary>
    Task<long> FlushArchive();

    /// <summary>State of the change archive.</summary>
    [AlwaysInterleave]
    Task<ArchiveStatus> GetArchiveStatus();

    /// <summary>Current health of the feed.</summary>
    [AlwaysInterleave]
    Task<FeedStatus> GetStatus();

    /// <summary>The whole network at its current version: one call per map load.</summary>
    [AlwaysInterleave]
    Task<NetworkSnapshot> GetSnapshot();

    /// <summary>Stations changed after <paramref name="version"/>, or the whole snapshot if that version is too old.</summary>
    [AlwaysInterleave]
    Task<NetworkDelta> GetChangesSince(long version);

    /// <summary>Subscribes (or renews) an observer for snapshot updates. Renew before it expires.</summary>
    Task Subscribe(INetworkObserver observer);

    /// <summary>Removes an observer.</summary>
    Task Unsubscribe(INetworkObserver observer);
}
