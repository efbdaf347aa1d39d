using Velib.Contracts.Forecast;

namespace Velib.Web.Forecast;

/// <summary>The forecast for a page the server renders (the prerender): the forecast reader grain, as the API endpoint calls it.</summary>
internal sealed class GrainForecasts(IClusterClient orleans) : IForecasts
{
    public Task<StationForecastDetail?> GetStation(long stationId, TimeSpan horizon, DateTime? atUtc) =>
        orleans.GetGrain<IForecastReaderGrain>(0).GetStationForecast(stationId, atUtc, horizon);

    public async Task<IReadOnlyList<StationForecast>> GetNetwork(TimeSpan horizon) =>
        await orleans.GetGrain<IForecastReaderGrain>(0).GetNetworkForecast(null, horizon);
}
