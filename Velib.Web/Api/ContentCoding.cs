using Microsoft.Net.Http.Headers;

namespace Velib.Web.Api;

/// <summary>Picks the response coding from <c>Accept-Encoding</c>: Brotli, then gzip, else none (the plain body).</summary>
internal static class ContentCoding
{
    public static string? Choose(IList<StringWithQualityHeaderValue> accepted)
    {
        double Quality(string coding) =>
            accepted.Where(a => a.Value.Equals(coding, StringComparison.OrdinalIgnoreCase) || a.Value == "*")
                .Select(a => a.Quality ?? 1).DefaultIfEmpty(0).Max();
        var br = Quality("br");
        var gzip = Quality("gzip");
        return br > 0 && br >= gzip ? "br" : gzip > 0 ? "gzip" : null;
    }
}
