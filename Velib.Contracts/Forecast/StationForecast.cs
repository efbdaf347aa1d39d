namespace Velib.Contracts.Forecast;

/// <summary>
/// One station's odds at now + horizon: the probability of at least one bike, mechanical bike, e-bike and free dock.
/// This is also the JSON shape of <c>/api/stations/forecast</c>. The odds are null, with a <see cref="Reason"/>,
/// when there is nothing honest to say (no history of the station, or the station out of service).
/// </summary>
/// <param name="Reason">Null with odds; else one of <see cref="ForecastReasons"/>.</param>
[GenerateSerializer, Immutable, Alias("velib.StationForecast")]
public sealed record StationForecast(
    [property: Id(0)] long Id,
    [property: Id(1)] double? Bikes,
    [property: Id(2)] double? Mechanical,
    [property: Id(3)] double? Ebike,
    [property: Id(4)] double? Docks,
    [property: Id(5)] string? Reason = null);
