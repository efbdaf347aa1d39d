namespace Velib.Silo.Feed.Simulation;

/// <summary>A place of the city whose pull on a station fades with distance (a Gaussian of <paramref name="RadiusM"/>).</summary>
internal sealed record ParisZone(string Name, double Lat, double Lon, double RadiusM, double Weight)
{
    private const double MetresPerDegree = 111_320;
    private static readonly double LonScale = Math.Cos(48.86 * Math.PI / 180);

    public double Pull(double lat, double lon)
    {
        var dy = (lat - Lat) * MetresPerDegree;
        var dx = (lon - Lon) * MetresPerDegree * LonScale;
        return Weight * Math.Exp(-(dx * dx + dy * dy) / (RadiusM * RadiusM));
    }
}
