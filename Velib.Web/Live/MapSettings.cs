namespace Velib.Web.Live;

/// <summary>What the map needs of the server's <c>Velib:Map</c> settings, written into the page for its script.</summary>
/// <param name="TileUrl">Leaflet tile URL template; empty for no tiles.</param>
public sealed record MapSettings(string? TileUrl, string TileAttribution);
