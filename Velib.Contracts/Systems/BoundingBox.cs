using System.Globalization;

namespace Velib.Contracts.Systems;

/// <summary>A rectangle in WGS84 degrees, west/south/east/north as in a <c>bbox=w,s,e,n</c> query.</summary>
[GenerateSerializer, Immutable, Alias("velib.BoundingBox")]
public sealed record BoundingBox(
    [property: Id(0)] double West,
    [property: Id(1)] double South,
    [property: Id(2)] double East,
    [property: Id(3)] double North)
{
    /// <summary>True when the point lies inside or on the edge.</summary>
    public bool Contains(double lat, double lon) => lat >= South && lat <= North && lon >= West && lon <= East;

    /// <summary>True when the two rectangles share any point.</summary>
    public bool Intersects(BoundingBox other) =>
        other.West <= East && other.East >= West && other.South <= North && other.North >= South;

    /// <summary>Parses <c>w,s,e,n</c>; false for anything else, an inverted box or a value outside the globe.</summary>
    public static bool TryParse(string? text, out BoundingBox box)
    {
        box = new BoundingBox(0, 0, 0, 0);
        var parts = text?.Split(',');
        if (parts is not { Length: 4 }) return false;
        var v = new double[4];
        for (var i = 0; i < 4; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out v[i]) || !double.IsFinite(v[i])) return false;
        }
        if (v[0] < -180 || v[2] > 180 || v[1] < -90 || v[3] > 90 || v[0] > v[2] || v[1] > v[3]) return false;
        box = new BoundingBox(v[0], v[1], v[2], v[3]);
        return true;
    }
}
