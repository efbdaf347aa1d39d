using Velib.Contracts.Stations;

namespace Velib.Web.Favourites;

/// <summary>
/// Fires an alert once per crossing: when a watched count goes from at or above the rider's number to below it,
/// and again only after it has recovered. The first reading of a watch is its baseline: opening the page on a
/// station already short says so in the list, it does not raise an alert.
/// </summary>
public sealed class AlertTracker
{
    private readonly Dictionary<(string Code, AlertKind Kind), bool> _below = [];

    public List<FiredAlert> Observe(IEnumerable<Favourite> favourites, Func<string, Station?> byCode, DateTime nowUtc)
    {
        var fired = new List<FiredAlert>();
        var watched = new HashSet<(string, AlertKind)>();
        foreach (var favourite in favourites)
        {
            if (byCode(favourite.Code) is not { } station) continue;
            foreach (var (kind, on, value) in Watches(favourite, station))
            {
                if (!on) continue;
                var key = (favourite.Code, kind);
                watched.Add(key);
                var below = value < favourite.Threshold;
                if (below && _below.TryGetValue(key, out var was) && !was)
                {
                    fired.Add(new FiredAlert(favourite.Code, station.Name, kind, value, favourite.Threshold, nowUtc));
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
        _ => station.Docks,
    };

    private static IEnumerable<(AlertKind Kind, bool On, int Value)> Watches(Favourite f, Station s) =>
    [
        (AlertKind.Mechanical, f.AlertMechanical, s.Mechanical), (AlertKind.Ebike, f.AlertEbike, s.Ebike), (AlertKind.Docks, f.AlertDocks, s.Docks),
    ];
}
