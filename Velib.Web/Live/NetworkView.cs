using Velib.Contracts.Systems;
using System.Collections.Immutable;
using Velib.Contracts.Feed;
using Velib.Contracts.Stations;
using Velib.Web.Live;

namespace Velib.Web.Live;

/// <summary>
/// The page's view of the network while the server renders it: a window on the process's one
/// <see cref="LiveNetwork"/>, with no copy of its own and no subscription (a page render is one request).
/// </summary>
public sealed partial class NetworkView(LiveNetwork live, IClusterClient orleans, ILogger<NetworkView> logger) : INetworkView
{
    private ImmutableArray<Station> All => live.Current?.Snapshot.Stations ?? [];

    public int Count => All.Length;

    /// <summary>Every station now: the shared immutable array, never copied.</summary>
    public IReadOnlyList<Station> Stations => All;

    public Station? ByCode(string code) => All.FirstOrDefault(s => s.Code == code);

    public Station? ById(long id) => live.Current?.ById.GetValueOrDefault(id);

    /// <summary>Waits for the shared network's first load (empty while the cluster is unreachable). Idempotent.</summary>
    public async Task StartAsync()
    {
        try
        {
            await live.GetAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is TimeoutException or SiloUnavailableException or OrleansMessageRejectionException or OrleansException)
        {
            Unavailable(logger, "network", ex.GetType().Name, ex.Message);
        }
    }

    /// <summary>A station's latest state and last 24 h of changes, or null if the feed never listed it.</summary>
    public Task<StationDetail?> GetDetailAsync(long id) => orleans.GetStation(SystemId.Velib, id).GetDetail();

    /// <summary>The feed's health as the shared network last read it (one read per push for the whole process).</summary>
    public Task<FeedStatus?> TryGetStatusAsync() => Task.FromResult(live.Status?.Feed);

    /// <summary>As <see cref="GetDetailAsync"/>, or null while the cluster fails over: for refreshes, not first loads.</summary>
    public async Task<StationDetail?> TryGetDetailAsync(long id)
    {
        // While a lost silo's grains move to another one (a few seconds) calls to them fail: a refresh keeps what it
        // shows and tries again on the next push.
        try
        {
            return await GetDetailAsync(id);
        }
        catch (Exception ex) when (ex is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException)
        {
            Unavailable(logger, "station detail", ex.GetType().Name, ex.Message);
            return null;
        }
    }

    [LoggerMessage(2, LogLevel.Warning, "Map: {What} unavailable while the cluster recovers ({Kind}: {Reason}); the page keeps what it shows")]
    private static partial void Unavailable(ILogger logger, string what, string kind, string reason);
}
