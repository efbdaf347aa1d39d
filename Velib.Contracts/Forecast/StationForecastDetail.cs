namespace Velib.Contracts.Forecast;

/// <summary>
/// The JSON shape of <c>/api/stations/{id}/forecast</c>: the odds of <see cref="StationForecast"/>, when and for
/// which horizon they were made, the model's day, and the count distributions (null when the odds are).
/// </summary>
/// <param name="AtUtc">The time the forecast is made at: now, or the <c>at</c> asked.</param>
/// <param name="HorizonMinutes">Minutes after <paramref name="AtUtc"/>.</param>
/// <param name="ModelDayUtc">The day of the model used: it saw only data before that day.</param>
[GenerateSerializer, Immutable, Alias("velib.StationForecastDetail")]
public sealed record StationForecastDetail(
    [property: Id(0)] StationForecast Forecast,
    [property: Id(1)] DateTime AtUtc,
    [property: Id(2)] double HorizonMinutes,
    [property: Id(3)] DateTime ModelDayUtc,
    [property: Id(4)] CountDistributions? Counts);
