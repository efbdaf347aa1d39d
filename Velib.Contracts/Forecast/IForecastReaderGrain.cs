using System.Collections.Immutable;

namespace Velib.Contracts.Forecast;

/// <summary>
/// Forecasts from the stored model, in every silo (stateless; use key 0): the state now (or at
/// <c>atUtc</c>, from the lake) and the model of that UTC day, fitted first if it is missing.
/// </summary>
public interface IForecastReaderGrain : IGrainWithIntegerKey
{
    /// <summary>Every station's odds at <paramref name="atUtc"/> (null: now) + <paramref name="horizon"/>.</summary>
    /// <remarks>A day without a stored model is fitted first (half a minute on 2 cores, longer when the machine is
    /// busy): the default 30 s would fail the very request that asked for it.</remarks>
    [ResponseTimeout(ForecastTimeouts.WithRefit)]
    Task<ImmutableArray<StationForecast>> GetNetworkForecast(DateTime? atUtc, TimeSpan horizon);

    /// <summary>One station's odds and count distributions; null when the station is unknown at that time.</summary>
    [ResponseTimeout(ForecastTimeouts.WithRefit)]
    Task<StationForecastDetail?> GetStationForecast(long stationId, DateTime? atUtc, TimeSpan horizon);
}
