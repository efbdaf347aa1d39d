using System.Collections.Immutable;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.JSInterop;
using Velib.Contracts.Feed;
using Velib.Contracts.Stations;
using Velib.Web.Api;

namespace Velib.Web.Live;

/// <summary>
/// The live network in the rider's browser. The map module owns the page's one <c>/api/stations/stream</c> (it
/// draws the markers before .NET has started); this view subscribes to it, receives the network it already holds as
/// a <c>full</c> event, then every event as the server sent it, and applies them in version order.
/// </summary>
public sealed partial class BrowserNetworkView(IJSRuntime js, HttpClient http, ILogger<BrowserNetworkView> logger) : INetworkView, IAsyncDisposable
{
    private readonly TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Dictionary<long, Station> _byId = [];
    private ImmutableArray<Station> _all = [];
    private Dictionary<long, string> _names = [];
    private long _version = -1;
    private StreamStatus? _status;
    private bool _connected = true;
    private IJSObjectReference? _module;
    private DotNetObjectReference<BrowserNetworkView>? _self;
    private Task? _start;

    public event Action<NetworkDelta>? Changed;

    public int Count => _all.Length;

    public IReadOnlyList<Station> Stations => _all;

    public Station? ByCode(string code) => _all.FirstOrDefault(s => s.Code == code);

    public Station? ById(long id) => _byId.GetValueOrDefault(id);

    /// <summary>The name the information document gives a station, for archive answers that carry none.</summary>
    public string NameOf(long id) => _names.GetValueOrDefault(id) ?? _byId.GetValueOrDefault(id)?.Name ?? "";

    public Task StartAsync() => _start is { IsFaulted: false, IsCanceled: false } ? _start : _start = SubscribeAsync();

    private async Task SubscribeAsync()
    {
        _module ??= await js.InvokeAsync<IJSObjectReference>("import", MapModule.Path);
        _self ??= DotNetObjectReference.Create(this);
        await _module.InvokeVoidAsync("subscribe", _self);
        await _loaded.Task;
    }

    /// <summary>The station list's names (<c>/api/stations/information</c>), as the module fetched it.</summary>
    [JSInvokable]
    public void OnInformation(string json)
    {
        _names = JsonSerializer.Deserialize<StationInformationJson[]>(json, JsonSerializerOptions.Web)!.ToDictionary(i => i.Id, i => i.Name);
    }

    /// <summary>The stream's connection opened (true) or broke (false); EventSource reconnects by itself.</summary>
    [JSInvokable]
    public void OnConnection(bool connected)
    {
        _connected = connected;
        Changed?.Invoke(new NetworkDelta(_version, _version, Simulated, null, false, [], []));
    }

    /// <summary>One stream event, its data as the server sent it. Returns false when it does not follow our version: the module then starts over.</summary>
    [JSInvokable]
    public bool OnEvent(string name, long? id, string data)
    {
        switch (name)
        {
            case "full":
                var all = JsonSerializer.Deserialize<StationJson[]>(data, JsonSerializerOptions.Web)!;
                Replace([.. all.Select(ToStation)]);
                _version = id ?? -1;
                Changed?.Invoke(new NetworkDelta(-1, _version, Simulated, null, true, _all, []));
                _loaded.TrySetResult();
                return true;
            case "delta":
                var delta = JsonSerializer.Deserialize<StationsDelta>(data, JsonSerializerOptions.Web)!;
                if (delta.FromVersion != _version) return false;
                Apply(delta);
                return true;
            case "status":
                _status = JsonSerializer.Deserialize<StreamStatus>(data, JsonSerializerOptions.Web);
                Changed?.Invoke(new NetworkDelta(_version, _version, Simulated, null, false, [], []));
                return true;
            default:
                return true;
        }
    }

    // The stream carries what a map needs; the name comes from the information document, the change times from the station's detail.
    private Station ToStation(StationJson s) => new(s.Id, s.Code, _names.GetValueOrDefault(s.Id, ""), s.Lat, s.Lon, s.Capacity, s.Mechanical, s.Ebike,
        s.Docks, s.Installed, s.Renting, s.Returning, null, null);

    private bool Simulated => _status?.Feed?.Mode == "simulated";

    private void Replace(ImmutableArray<Station> stations)
    {
        _all = stations;
        _byId = stations.ToDictionary(s => s.Id);
    }

    private void Apply(StationsDelta delta)
    {
        var changed = delta.Stations.Select(ToStation).ToImmutableArray();
        foreach (var s in changed) _byId[s.Id] = s;
        foreach (var id in delta.Removed) _byId.Remove(id);
        Replace([.. _byId.Values]);
        _version = delta.ToVersion;
        Changed?.Invoke(new NetworkDelta(delta.FromVersion, delta.ToVersion, Simulated, null, false, changed, [.. delta.Removed]));
    }

    public async Task<StationDetail?> GetDetailAsync(long id)
    {
        using var response = await http.GetAsync($"api/stations/{id}");
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        await ApiProblem.ThrowIfFailedAsync(response);
        var s = (await response.Content.ReadFromJsonAsync<StationWithHistory>(JsonSerializerOptions.Web))!;
        var station = new Station(s.Id, s.Code, s.Name, s.Lat, s.Lon, s.Capacity, s.Mechanical, s.Ebike, s.Docks, s.Installed, s.Renting, s.Returning,
            s.LastReportedUtc, s.LastChangeUtc);
        return new StationDetail(station, [.. s.History.Select(p => p.ToChange(s.Id, s.Code))]);
    }

    public async Task<StationDetail?> TryGetDetailAsync(long id)
    {
        try
        {
            return await GetDetailAsync(id);
        }
        catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException)
        {
            Unavailable(logger, id, ex.Message);
            return null;
        }
    }

    public Task<FeedStatus?> TryGetStatusAsync()
    {
        var feed = _status?.Feed;
        // The stream broke (the web is unreachable) or says the cluster is: the page shows the numbers as stale.
        if (feed is not null && (!_connected || _status!.Stale)) feed = feed with { Stale = true };
        return Task.FromResult(feed);
    }

    public async ValueTask DisposeAsync()
    {
        if (_module is not null)
        {
            try
            {
                await _module.InvokeVoidAsync("unsubscribe");
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException) { }
        }
        _self?.Dispose();
    }

    [LoggerMessage(1, LogLevel.Warning, "Map: detail of station {Id} unavailable ({Reason}); the page keeps what it shows")]
    private static partial void Unavailable(ILogger logger, long id, string reason);
}
