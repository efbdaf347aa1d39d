namespace Velib.Web.Live;

/// <summary>The one map module: markers, colours and the page's stream live in <c>wwwroot/js/velib-map.js</c>.</summary>
public static class MapModule
{
    // The same specifier as the page's early import, so that the import map gives both one module instance.
    public const string Path = "./js/velib-map.js";
}
