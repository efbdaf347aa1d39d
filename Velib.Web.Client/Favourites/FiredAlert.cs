namespace Velib.Web.Favourites;

/// <summary>One alert, raised when a favourite's count fell below the rider's number.</summary>
public sealed record FiredAlert(string Code, string Name, AlertKind Kind, int Value, int Threshold, DateTime AtUtc);
