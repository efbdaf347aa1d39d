using Velib.Contracts.Forecast;

namespace Velib.Web.Forecast;

/// <summary>
/// The forecast as the page reads it. A read that cannot be answered now throws
/// <see cref="InvalidOperationException"/>; an unknown station is null.
/// </summary>
public interface IForecasts
{
    /// <summary>A station's odds at now (or <paramref name="atUtc"/>) + <paramref name="horizon"/>.</summary>
    Task<StationForecastDetail?> GetStation(long stationId, TimeSpan horizon, DateTime? atUtc);

    /// <summary>Every station's odds at now + <paramref name="horizon"/>, in one read (the favourites' alerts share it).</summary>
    Task<IReadOnlyList<StationForecast>> GetNetwork(TimeSpan horizon);
}
