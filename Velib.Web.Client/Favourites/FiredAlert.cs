namespace Velib.Web.Favourites;

/// <summary>
/// One alert, raised when a favourite's count fell below the rider's number, or its forecast odds below
/// <see cref="ForecastAlert.Below"/>: then <see cref="Value"/> and <see cref="Threshold"/> are percents.
/// </summary>
public sealed record FiredAlert(string Code, string Name, AlertKind Kind, int Value, int Threshold, DateTime AtUtc);
