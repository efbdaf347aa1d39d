using Velib.Contracts.Stations;

namespace Velib.Web.Map;

// The rider's side of the map page: search, a station's detail (and its /?station=<code> link), filter, nearest stations.
public sealed partial class MapPage
{
    private StationFilter _filter = StationFilter.None;
    private Station? _selected;
    private IReadOnlyList<StationChange> _history = [];
    private IReadOnlyList<(Station Station, double Meters)> _nearest = [];
    private double[]? _position;
    private string? _nearestMessage, _unknownCode, _openedCode;

    private async Task OpenFromUrlAsync()
    {
        if (string.IsNullOrWhiteSpace(StationCode) || StationCode == _openedCode) return;
        _openedCode = StationCode;
        if (Network.ByCode(StationCode.Trim()) is { } station) await OpenAsync(station.Id);
        else _unknownCode = StationCode;
    }

    private Task<IEnumerable<Station>> Search(string text, CancellationToken _) => Task.FromResult(StationSearch.Find(Network.Stations, text));

    private async Task OnSearchPicked(Station? station)
    {
        if (station is not null) await OpenAsync(station.Id);
    }

    /// <summary>A station as the map shows it: live, or as it was at the replayed time.</summary>
    private Station? Shown(long id) => _replayAt is null ? Network.ById(id) : _shown.GetValueOrDefault(id);

    private async Task OpenAsync(long id)
    {
        if (Shown(id) is not { } station) return;
        _unknownCode = null;
        await LoadDetailAsync(id);
        _openedCode = station.Code;
        Navigation.NavigateTo(PageUrl(), replace: true);
        await _map.FocusAsync(id);
    }

    private async Task LoadDetailAsync(long id)
    {
        var detail = await Network.GetDetailAsync(id);
        _selected = Shown(id) ?? detail?.Station;
        _history = detail?.History ?? [];
        LoadWeek(id);
    }

    // The numbers come with the push; only the history needs the station's grain, which may be moving to another silo.
    private async Task RefreshDetailAsync(long id)
    {
        _selected = Network.ById(id) ?? _selected;
        if (await Network.TryGetDetailAsync(id) is { } detail && _selected?.Id == id) _history = detail.History; // still open
    }

    private async Task CloseStation()
    {
        await _map.ClearFocusAsync();
        _selected = null;
        _openedCode = null;
        Navigation.NavigateTo(PageUrl(), replace: true);
    }

    private async Task OnFilterChanged(StationFilter filter)
    {
        _filter = filter;
        var stations = Network.Stations;
        await ApplyFilterAsync(stations);
        RecomputeNearest(stations);
    }

    private ValueTask ApplyFilterAsync(IReadOnlyList<Station> stations) =>
        _map.FilterAsync(_filter.Need == StationNeed.Any ? null : stations.Where(_filter.Matches).Select(s => s.Id));

    private async Task LocateAsync()
    {
        _position = await _map.LocateAsync();
        _nearestMessage = _position is null ? T["location-unavailable"].Value : null;
        RecomputeNearest(Network.Stations);
    }

    private void RecomputeNearest(IReadOnlyList<Station> stations)
    {
        if (_position is [var lat, var lon]) _nearest = Nearest.Find(stations, lat, lon, _filter);
    }

    /// <summary>The page's address for what it shows: the open station and the replayed time, so either can be shared.</summary>
    private string PageUrl()
    {
        var query = new List<string>();
        if (_selected is not null) query.Add("station=" + Uri.EscapeDataString(_selected.Code));
        if (_replayAt is { } at) query.Add("at=" + Uri.EscapeDataString(Iso(at)));
        return query.Count == 0 ? "/" : "/?" + string.Join('&', query);
    }
}
