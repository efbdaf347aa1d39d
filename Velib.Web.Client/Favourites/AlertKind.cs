namespace Velib.Web.Favourites;

/// <summary>What an alert watches at a favourite station: a count now, or the forecast's odds in <see cref="ForecastAlert.Horizon"/>.</summary>
public enum AlertKind
{
    Mechanical,
    Ebike,
    Docks,

    /// <summary>Likely no bike (mechanical or electric) within 30 min: the forecast's odds of at least one below <see cref="ForecastAlert.Below"/>.</summary>
    SoonEmpty,

    /// <summary>Likely no free dock within 30 min, the same way.</summary>
    SoonFull,
}
