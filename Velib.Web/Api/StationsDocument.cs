namespace Velib.Web.Api;

/// <summary>
/// <c>/api/stations</c> at one snapshot version, serialized once and kept compressed, so that serving it costs what
/// serving a static file costs.
/// </summary>
/// <param name="ETag">Strong, from the version: equal bytes for equal tags.</param>
internal sealed record StationsDocument(long Version, string ETag, byte[] Json, byte[] Gzip, byte[] Brotli)
{
    public byte[] Body(string? encoding) => encoding switch { "br" => Brotli, "gzip" => Gzip, _ => Json };
}
