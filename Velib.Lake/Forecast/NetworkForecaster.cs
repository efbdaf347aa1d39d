using System.Collections.Immutable;
using Velib.Contracts.Forecast;
using Velib.Contracts.Stations;

namespace Velib.Lake.Forecast;

/// <summary>
/// A network's state and a model into the API's answers. A station the model never saw, or with no model at all,
/// gets no odds but a reason: the pooled odds would look like this station's own, and they are not. The network
/// about an hour before (<see cref="Trend.Lookback"/>), when given, adds each count's recent change.
/// </summary>
public static class NetworkForecaster
{
    public static ImmutableArray<StationForecast> Forecast(StockModel? model, IEnumerable<Station> stations, DateTime atUtc, TimeSpan horizon, IEnumerable<Station>? before = null)
    {
        var earlier = Index(before);
        return [.. stations.OrderBy(s => s.Id).Select(s => Odds(model, s, earlier.GetValueOrDefault(s.Id), atUtc, horizon))];
    }

    public static StationForecastDetail Detail(StockModel? model, DateTime modelDayUtc, Station station, DateTime atUtc, TimeSpan horizon, Station? before = null)
    {
        var odds = Odds(model, station, before, atUtc, horizon);
        CountDistributions? counts = null;
        if (model is not null && odds.Reason is null)
        {
            var slots = station.Mechanical + station.Ebike + station.Docks;
            ImmutableArray<double> Of(ForecastTarget target) =>
                [.. model.Distribution(station.Id, target, Count(station, target), slots, atUtc, horizon, before is null ? null : Count(before, target)).Select(p => Math.Round(p, 4))];
            counts = new CountDistributions(Of(ForecastTarget.Bikes), Of(ForecastTarget.Mechanical), Of(ForecastTarget.Ebike), Of(ForecastTarget.Docks));
        }
        return new StationForecastDetail(odds, atUtc, horizon.TotalMinutes, modelDayUtc, counts);
    }

    private static StationForecast Odds(StockModel? model, Station s, Station? before, DateTime atUtc, TimeSpan horizon)
    {
        if (!(s.Installed && s.Renting && s.Returning)) return new StationForecast(s.Id, null, null, null, null, ForecastReasons.NotInService);
        if (model is null || !model.Knows(s.Id)) return new StationForecast(s.Id, null, null, null, null, ForecastReasons.NoHistory);
        double P(ForecastTarget target) => Math.Round(model.Probability(s.Id, target, Count(s, target), atUtc, horizon, before is null ? null : Count(before, target)), 4);
        return new StationForecast(s.Id, P(ForecastTarget.Bikes), P(ForecastTarget.Mechanical), P(ForecastTarget.Ebike), P(ForecastTarget.Docks));
    }

    private static int Count(Station s, ForecastTarget target) => new StockCounts(s.Mechanical, s.Ebike, s.Docks).Of(target);

    private static Dictionary<long, Station> Index(IEnumerable<Station>? stations)
    {
        var index = new Dictionary<long, Station>();
        foreach (var s in stations ?? []) index[s.Id] = s;
        return index;
    }
}
