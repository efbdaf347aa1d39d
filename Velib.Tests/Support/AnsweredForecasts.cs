using Velib.Contracts.Forecast;
using Velib.Web.Forecast;

namespace Velib.Tests.Support;

/// <summary>The API's answers by horizon, as the web would give them; it records what the panel and the alerts asked.</summary>
internal sealed class AnsweredForecasts : IForecasts
{
    public List<(long Id, TimeSpan Horizon, DateTime? At)> Asked { get; } = [];

    /// <summary>What <c>/api/stations/forecast</c> answers; set by a test.</summary>
    public List<StationForecast> Network { get; set; } = [];

    /// <summary>Set by a test to make the network read fail as the API's problem does.</summary>
    public bool Failing { get; set; }

    public List<TimeSpan> NetworkReads { get; } = [];

    public Task<IReadOnlyList<StationForecast>> GetNetwork(TimeSpan horizon)
    {
        NetworkReads.Add(horizon);
        if (Failing) throw new InvalidOperationException("The forecast could not be read: the cluster is failing over.");
        return Task.FromResult<IReadOnlyList<StationForecast>>([.. Network]);
    }

    public Task<StationForecastDetail?> GetStation(long stationId, TimeSpan horizon, DateTime? atUtc)
    {
        Asked.Add((stationId, horizon, atUtc));
        var forecast = stationId == 7
            ? new StationForecast(7, null, null, null, null, ForecastReasons.NoHistory)
            : horizon.TotalMinutes switch
            {
                15 => new StationForecast(stationId, 0.9217, 0.8, 0.7051, 0.981),
                30 => new StationForecast(stationId, 0.85, 0.7, 0.604, 0.9999),
                _ => new StationForecast(stationId, 0.804, 0.6, 0.5, 0.96),
            };
        return Task.FromResult<StationForecastDetail?>(new StationForecastDetail(forecast, DateTime.UtcNow, horizon.TotalMinutes, DateTime.UtcNow.Date, null));
    }
}
