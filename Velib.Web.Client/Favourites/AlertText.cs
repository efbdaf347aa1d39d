using Microsoft.Extensions.Localization;
using Velib.Contracts.Forecast;
using Velib.Web.Forecast;

namespace Velib.Web.Favourites;

/// <summary>An alert in words, in the rider's language: the page and the browser notification say the same.</summary>
public static class AlertText
{
    public static string Of(IStringLocalizer<Text> t, FiredAlert alert) => alert.Kind switch
    {
        AlertKind.SoonEmpty => t["alert-soon-empty", alert.Name, alert.Value, alert.Threshold],
        AlertKind.SoonFull => t["alert-soon-full", alert.Name, alert.Value, alert.Threshold],
        _ => t["alert-text", alert.Name, alert.Value, t[Key(alert.Kind)].Value, alert.Threshold],
    };

    /// <summary>
    /// What My stations says under a favourite whose forecast alert is on: the odds it watches, or why there are none
    /// (never a number the model cannot back). <paramref name="forecasts"/> is null until read; <paramref name="failed"/> when the last read failed.
    /// </summary>
    public static string ForecastStatus(IStringLocalizer<Text> t, long stationId, IReadOnlyDictionary<long, StationForecast>? forecasts, bool failed)
    {
        if (forecasts is null) return t[failed ? "forecast-unavailable" : "forecast-loading"];
        return forecasts.GetValueOrDefault(stationId) switch
        {
            { Bikes: { } bikes, Docks: { } docks } => t["mine-forecast", ForecastSentence.Percent(bikes), ForecastSentence.Percent(docks)],
            { Reason: ForecastReasons.NotInService } => t["forecast-not-in-service"],
            _ => t["mine-forecast-none"],
        };
    }

    private static string Key(AlertKind kind) => kind switch { AlertKind.Mechanical => "d-mechanical", AlertKind.Ebike => "d-ebikes", _ => "d-docks" };
}
