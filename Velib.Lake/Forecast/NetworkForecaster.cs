using System.Collections.Immutable;
using Velib.Contracts.Forecast;
using Velib.Contracts.Stations;

namespace Velib.Lake.Forecast;

/// <summary>
/// A network's state and a model into the API's answers. A station the model never saw, or with no model at all,
/// gets no odds but a reason: the pooled odds would look like this station's own, and they are not.
/// </summary>
public static class NetworkForecaster
{
    public static ImmutableArray<StationForecast> Forecast(StockModel? model, IEnumerable<Station> stations, DateTime atUtc, TimeSpan horizon) =>
        [.. stations.OrderBy(s => s.Id).Select(s => Odds(model, s, atUtc, horizon))];

    public static StationForecastDetail Detail(StockModel? model, DateTime modelDayUtc, Station station, DateTime atUtc, TimeSpan horizon)
    {
        var odds = Odds(model, station, atUtc, horizon);
        CountDistributions? counts = null;
        if (model is not null && odds.Reason is null)
        {
            var slots = station.Mechanical + station.Ebike + station.Docks;
            ImmutableArray<double> Of(ForecastTarget target, int now) =>
                [.. model.Distribution(station.Id, target, now, slots, atUtc, horizon).Select(p => Math.Round(p, 4))];
            counts = new CountDistributions(Of(ForecastTarget.Bikes, station.Mechanical + station.Ebike), Of(ForecastTarget.Mechanical, station.Mechanical),
                Of(ForecastTarget.Ebike, station.Ebike), Of(ForecastTarget.Docks, station.Docks));
        }
        return new StationForecastDetail(odds, atUtc, horizon.TotalMinutes, modelDayUtc, counts);
    }

    private static StationForecast Odds(StockModel? model, Station s, DateTime atUtc, TimeSpan horizon)
    {
        if (!(s.Installed && s.Renting && s.Returning)) return new StationForecast(s.Id, null, null, null, null, ForecastReasons.NotInService);
        if (model is null || !model.Knows(s.Id)) return new StationForecast(s.Id, null, null, null, null, ForecastReasons.NoHistory);
        double P(ForecastTarget target, int now) => Math.Round(model.Probability(s.Id, target, now, atUtc, horizon), 4);
        return new StationForecast(s.Id, P(ForecastTarget.Bikes, s.Mechanical + s.Ebike), P(ForecastTarget.Mechanical, s.Mechanical),
            P(ForecastTarget.Ebike, s.Ebike), P(ForecastTarget.Docks, s.Docks));
    }
}
