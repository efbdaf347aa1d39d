using Velib.Contracts.Forecast;

namespace Velib.Web.Favourites;

/// <summary>
/// The forecast alerts' rule: "likely empty within 30 min" is the model's probability of at least one bike (or free
/// dock, for "likely full") at now + 30 min under 20 %. The page reads every station's odds once per network update
/// (<c>/api/stations/forecast?horizon=PT30M</c>), whatever the number of favourites.
/// </summary>
public static class ForecastAlert
{
    public static readonly TimeSpan Horizon = TimeSpan.FromMinutes(30);

    /// <summary>Below 20 %: roughly "4 times out of 5 there will be none", rare enough at a busy station to be worth a notification.</summary>
    public const double Below = 0.20;

    /// <summary>The threshold as riders read it, in percent.</summary>
    public static int BelowPercent => (int)Math.Round(Below * 100);

    /// <summary>The odds the alert watches; null when the forecast has none (no history, out of service): never a guess.</summary>
    public static double? Odds(StationForecast forecast, AlertKind kind) => kind switch
    {
        AlertKind.SoonEmpty => forecast.Bikes,
        AlertKind.SoonFull => forecast.Docks,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a forecast alert"),
    };

    /// <summary>Whole percents, 1 to 99, as the panel's sentence shows them.</summary>
    public static int Percent(double p) => Math.Clamp((int)Math.Round(p * 100, MidpointRounding.AwayFromZero), 1, 99);
}
