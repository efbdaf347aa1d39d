using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using Velib.Web.Favourites;
using Velib.Web.Forecast;

namespace Velib.Web.Map;

// My stations and their alerts: the list lives in the browser; alerts are checked against the live network at each
// push, and the forecast alerts against every station's odds in 30 min, read once a push for all favourites.
public sealed partial class MapPage
{
    private readonly AlertTracker _tracker = new();
    private readonly List<FiredAlert> _alerts = [];
    private IJSObjectReference? _notifications;
    private bool _notificationsAsk;
    private AlertForecasts? _alertForecasts;

    [Inject] private IForecasts Forecasts { get; set; } = null!;

    private AlertForecasts AlertOdds => _alertForecasts ??= new AlertForecasts(Forecasts);

    [Inject] private FavouriteStore Favourites { get; set; } = null!;
    [Inject] private IJSRuntime JS { get; set; } = null!;

    private async Task LoadFavouritesAsync()
    {
        try
        {
            await Favourites.LoadAsync();
            _notifications = await JS.InvokeAsync<IJSObjectReference>("import", "./Map/MapPage.razor.js");
            _notificationsAsk = await _notifications.InvokeAsync<string>("permission") == "default";
        }
        catch (JSException)
        {
            // A browser that refuses local storage (some private modes) gets the map without My stations.
        }
        await CheckAlertsAsync();
    }

    /// <summary>After a change of My stations: the forecast is read only if it never was (a forecast alert just turned on).</summary>
    private Task CheckAlertsAsync() => ObserveAlertsAsync(newNetwork: false);

    private async Task ObserveAlertsAsync(bool newNetwork)
    {
        if (!Favourites.Loaded) return;
        await AlertOdds.RefreshAsync(Favourites.Items, newNetwork);
        foreach (var alert in _tracker.Observe(Favourites.Items, Network.ByCode, Time.GetUtcNow().UtcDateTime, AlertOdds.Odds))
        {
            _alerts.Add(alert);
            if (_notifications is not null) await _notifications.InvokeVoidAsync("notify", T["alert-title"].Value, AlertText.Of(T, alert));
        }
    }

    private async Task ToggleFavouriteAsync()
    {
        if (_selected is null) return;
        await Favourites.ToggleAsync(_selected.Code);
        await CheckAlertsAsync();
    }

    private async Task AllowNotificationsAsync()
    {
        if (_notifications is null) return;
        _notificationsAsk = await _notifications.InvokeAsync<string>("request") == "default";
    }

    private Task OpenByCodeAsync(string code) => Network.ByCode(code) is { } station ? OpenAsync(station.Id) : Task.CompletedTask;
}
