namespace Velib.Web.Favourites;

/// <summary>
/// A station the rider keeps under My stations (in the browser's local storage, no account), and what they want
/// to be told about it: when mechanical bikes, e-bikes or free docks fall below <see cref="Threshold"/>.
/// </summary>
public sealed record Favourite(string Code, bool AlertMechanical = false, bool AlertEbike = false, bool AlertDocks = false, int Threshold = 2)
{
    public bool AnyAlert => AlertMechanical || AlertEbike || AlertDocks;
}
