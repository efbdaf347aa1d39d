using Velib.Contracts.Forecast;
using Velib.Contracts.Stations;

namespace Velib.Web.Favourites;

/// <summary>
/// Fires an alert once per crossing: when a watched count goes from at or above the rider's number to below it,
/// and again only after it has recovered. The first reading of a watch is its baseline: opening the page on a
/// station already short says so in the list, it does not raise an alert. Forecast watches work the same way on
/// the odds in 30 min; a station with no odds (no history, forecast unreadable) is no reading at all: it neither
/// fires nor ends an episode.
/// </summary>
public sealed class AlertTracker
{
    private readonly Dictionary<(string Code, AlertKind Kind), bool> _below = [];

    /// <param name="forecasts">Every station's odds in <see cref="ForecastAlert.Horizon"/> by id; null when they could not be read.</param>
    public List<FiredAlert> Observe(IEnumerable<Favourite> favourites, Func<string, Station?> byCode, DateTime nowUtc,
        IReadOnlyDictionary<long, StationForecast>? forecasts = null)
    {
        var fired = new List<FiredAlert>();
        var watched = new HashSet<(string, AlertKind)>();
        foreach (var favourite in favourites)
        {
            if (byCode(favourite.Code) is not { } station) continue;
            foreach (var (kind, on) in Watches(favourite))
            {
                if (!on) continue;
                var key = (favourite.Code, kind);
                watched.Add(key);
                if (Reading(favourite, station, kind, forecasts) is not { } reading) continue; // no odds: no reading
                var (value, threshold) = reading;
                var below = value < threshold;
                if (below && _below.TryGetValue(key, out var was) && !was)
                {
                    fired.Add(new FiredAlert(favourite.Code, station.Name, kind, value, threshold, nowUtc));
                }
                _below[key] = below;
            }
        }
        // A watch turned off and on again starts from a new baseline.
        foreach (var key in _below.Keys.Where(k => !watched.Contains(k)).ToList()) _below.Remove(key);
        return fired;
    }

    public static int Count(Station station, AlertKind kind) => kind switch
    {
        AlertKind.Mechanical => station.Mechanical,
        AlertKind.Ebike => station.Ebike,
        AlertKind.Docks => station.Docks,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a count"),
    };

    /// <summary>The watched value and the rider's threshold; for a forecast both in percent (the odds unrounded for the comparison's sake).</summary>
    private static (int Value, int Threshold)? Reading(Favourite f, Station s, AlertKind kind, IReadOnlyDictionary<long, StationForecast>? forecasts)
    {
        if (kind is not (AlertKind.SoonEmpty or AlertKind.SoonFull)) return (Count(s, kind), f.Threshold);
        if (forecasts?.GetValueOrDefault(s.Id) is not { } forecast || ForecastAlert.Odds(forecast, kind) is not { } odds) return null;
        // Compared on the odds themselves, shown as whole percents: 19.6 % is below 20 % and says "20 %" nowhere.
        return (odds < ForecastAlert.Below ? Math.Min(ForecastAlert.Percent(odds), ForecastAlert.BelowPercent - 1) : ForecastAlert.Percent(odds),
            ForecastAlert.BelowPercent);
    }

    private static IEnumerable<(AlertKind Kind, bool On)> Watches(Favourite f) =>
    [
        (AlertKind.Mechanical, f.AlertMechanical), (AlertKind.Ebike, f.AlertEbike), (AlertKind.Docks, f.AlertDocks),
        (AlertKind.SoonEmpty, f.AlertSoonEmpty), (AlertKind.SoonFull, f.AlertSoonFull),
    ];
}
