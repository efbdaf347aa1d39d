using System.ComponentModel.DataAnnotations;

namespace Velib.Web.Live;

/// <summary>Settings of the map (<c>Velib:Map</c>).</summary>
public sealed class MapOptions
{
    public const string Section = "Velib:Map";

    /// <summary>Leaflet tile URL template; empty for no tiles (markers on a plain background).</summary>
    public string? TileUrl { get; set; } = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

    /// <summary>Attribution required by the tile provider.</summary>
    public string TileAttribution { get; set; } = "&copy; <a href=\"https://www.openstreetmap.org/copyright\">OpenStreetMap</a> contributors";

    /// <summary>How often an open page re-subscribes to pushed updates; well under the grain's 5-minute expiry.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:04:00")]
    public TimeSpan ObserverRenewal { get; set; } = TimeSpan.FromMinutes(1);
}
