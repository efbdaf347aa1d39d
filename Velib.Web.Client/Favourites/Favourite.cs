namespace Velib.Web.Favourites;

/// <summary>
/// A station the rider keeps under My stations (in the browser's local storage, no account), and what they want
/// to be told about it: when mechanical bikes, e-bikes or free docks fall below <see cref="Threshold"/>, and when
/// the forecast says it is likely to have no bike (<see cref="AlertSoonEmpty"/>) or no free dock (<see cref="AlertSoonFull"/>) within 30 min.
/// </summary>
public sealed record Favourite(string Code, bool AlertMechanical = false, bool AlertEbike = false, bool AlertDocks = false, int Threshold = 2,
    bool AlertSoonEmpty = false, bool AlertSoonFull = false)
{
    public bool AnyAlert => AlertMechanical || AlertEbike || AlertDocks || AnyForecastAlert;

    public bool AnyForecastAlert => AlertSoonEmpty || AlertSoonFull;
}
