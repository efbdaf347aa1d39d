using System.Globalization;
using Microsoft.Extensions.Localization;
using Velib.Contracts.Forecast;

namespace Velib.Web.Forecast;

/// <summary>The panel's sentence: "In 15 min: 92 % chance of a bike, 71 % of an e-bike, 98 % of a free dock".</summary>
public static class ForecastSentence
{
    public static string Of(IStringLocalizer<Text> t, StationForecast forecast, int minutes)
    {
        if (forecast is { Bikes: { } bikes, Ebike: { } ebike, Docks: { } docks })
        {
            return t["forecast-in", minutes, Percent(bikes), Percent(ebike), Percent(docks)];
        }
        return forecast.Reason == ForecastReasons.NotInService ? t["forecast-not-in-service"] : t["forecast-no-history", minutes];
    }

    /// <summary>Whole percents, 1 to 99: the model is never certain, and "100 %" would promise what it cannot.</summary>
    public static string Percent(double p) => Math.Clamp((int)Math.Round(p * 100, MidpointRounding.AwayFromZero), 1, 99).ToString(CultureInfo.CurrentCulture);
}
