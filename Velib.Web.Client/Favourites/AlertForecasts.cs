using Velib.Contracts.Forecast;
using Velib.Web.Forecast;

namespace Velib.Web.Favourites;

/// <summary>
/// Every station's odds in 30 min for the forecast alerts: one read of <c>/api/stations/forecast</c> per network
/// update, whatever the number of favourites, and none while no favourite has a forecast alert on.
/// </summary>
public sealed class AlertForecasts(IForecasts forecasts)
{
    /// <summary>The odds by station id; null until read, and after a read that failed.</summary>
    public IReadOnlyDictionary<long, StationForecast>? Odds { get; private set; }

    /// <summary>The last read failed (the API's problem, the web unreachable): no odds, so no alert fires on old numbers.</summary>
    public bool Failed { get; private set; }

    /// <param name="newNetwork">A push brought a new network: the odds are read again. Otherwise (My stations changed) only if never read.</param>
    public async Task RefreshAsync(IEnumerable<Favourite> favourites, bool newNetwork)
    {
        if (!favourites.Any(f => f.AnyForecastAlert) || (!newNetwork && Odds is not null)) return;
        try
        {
            Odds = (await forecasts.GetNetwork(ForecastAlert.Horizon)).ToDictionary(f => f.Id);
            Failed = false;
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.Text.Json.JsonException)
        {
            Odds = null;
            Failed = true;
        }
    }
}
