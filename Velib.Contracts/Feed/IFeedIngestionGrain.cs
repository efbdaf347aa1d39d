using Velib.Contracts.Stations;

namespace Velib.Contracts.Feed;

/// <summary>
/// One per GBFS system (key: the system name, <c>velib</c>). Polls the feed, fans changes out to the
/// station grains, keeps the versioned network snapshot and spools the changes to the archive grain.
/// </summary>
public interface IFeedIngestionGrain : IGrainWithStringKey
{
    /// <summary>Registers the keep-alive and archive reminders and starts polling. Idempotent, and cheap once running.</summary>
    Task Start();

    /// <summary>Runs one ingest cycle now. Returns the number of stations that changed.</summary>
    Task<int> Poll();

    /// <summary>Switches between the live feed and the simulated network (kept across failovers), polls, and returns the new status.</summary>
    Task<FeedStatus> SwitchMode();

    /// <summary>Current health of the feed.</summary>
    [AlwaysInterleave]
    Task<FeedStatus> GetStatus();

    /// <summary>The snapshot's version alone: a cheap check before fetching (and re-serializing) the whole network.</summary>
    [AlwaysInterleave]
    Task<long> GetVersion();

    /// <summary>The whole network at its current version: one call per map load.</summary>
    [AlwaysInterleave]
    Task<NetworkSnapshot> GetSnapshot();

    /// <summary>Stations changed after <paramref name="version"/>, or the whole snapshot if that version is too old.</summary>
    [AlwaysInterleave]
    Task<NetworkDelta> GetChangesSince(long version);

    /// <summary>
    /// One station's latest state, for a station grain that activates for a reader. Interleaved: a station grain
    /// may ask while this grain awaits the fan-out to it.
    /// </summary>
    [AlwaysInterleave]
    Task<Station?> GetStation(long id);

    /// <summary>Subscribes (or renews) an observer for snapshot updates. Renew before it expires.</summary>
    Task Subscribe(INetworkObserver observer);

    /// <summary>Removes an observer.</summary>
    Task Unsubscribe(INetworkObserver observer);
}
