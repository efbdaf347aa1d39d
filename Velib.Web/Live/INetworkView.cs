using Velib.Contracts.Feed;
using Velib.Contracts.Stations;

namespace Velib.Web.Live;

/// <summary>
/// The live network as the server-rendered page and its fragments read it: a window on the process's one
/// <see cref="LiveNetwork"/> (the browser keeps its own copy from the stream, in velib-network.js).
/// </summary>
public interface INetworkView
{
    int Count { get; }

    IReadOnlyList<Station> Stations { get; }

    Station? ByCode(string code);

    Station? ById(long id);

    /// <summary>Completes once the network is loaded; idempotent.</summary>
    Task StartAsync();

    /// <summary>A station's latest state and last 24 h of changes, or null if the feed never listed it.</summary>
    Task<StationDetail?> GetDetailAsync(long id);

    /// <summary>As <see cref="GetDetailAsync"/>, or null while the cluster recovers: for refreshes, not first loads.</summary>
    Task<StationDetail?> TryGetDetailAsync(long id);

    /// <summary>The feed's health, stale when the data cannot be trusted to be current; null when not known yet.</summary>
    Task<FeedStatus?> TryGetStatusAsync();
}
