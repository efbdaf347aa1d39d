using Velib.Contracts.Feed;
using Velib.Contracts.Stations;

namespace Velib.Web.Live;

/// <summary>
/// The live network as the map page sees it. In the rider's browser it is fed by the one stream of the map module
/// (<c>wwwroot/js/velib-map.js</c>); while the server prerenders the page, by the web process's shared copy.
/// </summary>
public interface INetworkView
{
    /// <summary>A delta, after it is applied (full when the whole network was reloaded).</summary>
    event Action<NetworkDelta>? Changed;

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
