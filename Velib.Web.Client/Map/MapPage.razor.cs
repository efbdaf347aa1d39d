using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using Velib.Contracts.Feed;
using Velib.Contracts.Stations;
using Velib.Web.Live;

namespace Velib.Web.Map;

/// <summary>
/// The live map with search, filters, nearest stations and a station's detail, run in the rider's browser. Its one
/// data source is the <see cref="INetworkView"/>: loaded once, then kept current by the stream.
/// </summary>
public sealed partial class MapPage
{
    // Generous for a slow phone, but a browser that never starts the map gets an error, not an endless wait.
    private static readonly TimeSpan MapStartLimit = TimeSpan.FromSeconds(30);

    // Every push brings a fresh status; this timer, pushed back by each push, only notices that pushes stopped
    // (the STALE banner), well within the 3 poll intervals after which the feed is stale.
    private static readonly TimeSpan StatusWhenQuiet = TimeSpan.FromSeconds(30);

    private StationMap _map = null!;
    private FeedStatus? _status;
    private NetworkTotals _totals = NetworkTotals.Of([]);
    private ITimer? _statusTimer;
    private Task? _loading;
    private bool _loaded, _disposed;

    [Inject] private INetworkView Network { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private TimeProvider Time { get; set; } = null!;
    [Inject] private ILogger<MapPage> Logger { get; set; } = null!;

    [SupplyParameterFromQuery(Name = "station")] public string? StationCode { get; set; }

    /// <summary>The totals and status written into the first HTML, and handed to the interactive page so they never blink to zero.</summary>
    [Microsoft.AspNetCore.Components.PersistentState] public NetworkTotals? FirstTotals { get; set; }

    [Microsoft.AspNetCore.Components.PersistentState] public FeedStatus? FirstStatus { get; set; }

    // Prerendering writes the totals and freshness from the web's cached snapshot, so they are there at first paint.
    // Once the circuit is interactive the network loads with one grain call, then pushes; it starts here so that it
    // overlaps the map's own start-up in the browser.
    protected override async Task OnInitializedAsync()
    {
        if (RendererInfo.IsInteractive) _loading = Network.StartAsync();
        else await PrerenderTotalsAsync();
        if (FirstTotals is { } totals) _totals = totals;
        if (FirstStatus is { } status) _status = status;
    }

    private async Task PrerenderTotalsAsync()
    {
        // On the server, the web's shared network; empty when the cluster is not reachable yet (the page fills in once interactive).
        await Network.StartAsync();
        if (Network.Count > 0) FirstTotals = NetworkTotals.Of(Network.Stations);
        FirstStatus = await Network.TryGetStatusAsync();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || _loading is null) return;
        await _loading;
        await _map.WhenReadyAsync(MapStartLimit);
        if (_disposed) return; // left while the map started: subscribe to nothing
        // Subscribed, copied and sent with no await in between: a push applied after the copy reaches the map
        // after the load, and one applied before it is already in the copy.
        Network.Changed += OnNetworkChanged;
        _statusTimer = Time.CreateTimer(_ => InBackground(RefreshStatusAsync), null, StatusWhenQuiet, StatusWhenQuiet);
        var stations = Network.Stations;
        _totals = NetworkTotals.Of(stations);
        await _map.LoadAsync(stations);
        _loaded = true;
        if (_filter.Need != StationNeed.Any) await ApplyFilterAsync(stations); // picked while the map was starting
        _status = await Network.TryGetStatusAsync() ?? _status;
        await LoadFavouritesAsync();
        await OpenReplayFromUrlAsync();
        await OpenFromUrlAsync();
        StateHasChanged();
        // The day's chart reads the lake, which may take a moment when cold: the map does not wait for it.
        if (_replayAt is null) InBackground(async () => { await LoadDayAsync(null); StateHasChanged(); });
    }

    protected override async Task OnParametersSetAsync()
    {
        if (!_loaded) return;
        await OpenReplayFromUrlAsync();
        await OpenFromUrlAsync();
    }

    private void OnNetworkChanged(NetworkDelta delta) => InBackground(async () =>
    {
        _statusTimer?.Change(StatusWhenQuiet, StatusWhenQuiet);
        // Alerts are about the live network, replay or not.
        await ObserveAlertsAsync(newNetwork: true);
        // During a replay the view keeps up, but the map and totals stay on the replayed time.
        if (_replayAt is not null)
        {
            await RefreshStatusAsync();
            return;
        }
        // One copy of the network per push, shared by totals, filter and nearest stations.
        var stations = Network.Stations;
        _totals = NetworkTotals.Of(stations);
        MoveLiveTail(_totals);
        if (delta.Full) await _map.LoadAsync(delta.Stations);
        else await _map.UpdateAsync(delta.Stations, delta.Removed);
        if (_filter.Need != StationNeed.Any) await ApplyFilterAsync(stations);
        if (_selected is not null && delta.Stations.Any(s => s.Id == _selected.Id)) await RefreshDetailAsync(_selected.Id);
        RecomputeNearest(stations);
        await RefreshStatusAsync();
    });

    private async Task RefreshStatusAsync()
    {
        // Null while the cluster fails over (logged by the view): the banner keeps its last state until the next try.
        _status = await Network.TryGetStatusAsync() ?? _status;
        StateHasChanged();
    }

    /// <summary>
    /// Runs work that Blazor did not start (a push, a timer tick) on the page's dispatcher. Blazor does not see its
    /// failures by itself: they are handed to the error boundary, which tells the rider to reload.
    /// </summary>
    private void InBackground(Func<Task> work) => _ = InvokeAsync(async () =>
    {
        if (_disposed) return; // queued just before the page went away
        try
        {
            await work();
        }
        catch (JSDisconnectedException ex)
        {
            BrowserGone(Logger, ex.Message); // the circuit is closing and will dispose the page
        }
        catch (Exception ex) when (!_disposed)
        {
            await DispatchExceptionAsync(ex);
        }
        catch (Exception ex)
        {
            FailedAfterClose(Logger, ex); // no error boundary is left to show it
        }
    });

    public ValueTask DisposeAsync()
    {
        _disposed = true;
        Network.Changed -= OnNetworkChanged;
        _statusTimer?.Dispose();
        StopPlaying();
        return ValueTask.CompletedTask;
    }

    [LoggerMessage(1, LogLevel.Debug, "Map page: the browser went away during an update ({Reason})")]
    private static partial void BrowserGone(ILogger logger, string reason);

    [LoggerMessage(2, LogLevel.Warning, "Map page: an update failed after the page was closed")]
    private static partial void FailedAfterClose(ILogger logger, Exception exception);
}
