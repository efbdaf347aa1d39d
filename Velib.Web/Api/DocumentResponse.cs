namespace Velib.Web.Api;

/// <summary>Serves a <see cref="CachedDocument"/> like a static file: ETag, 304, Cache-Control, content coding, HEAD.</summary>
internal static class DocumentResponse
{
    public static IResult Serve(HttpContext http, CachedDocument document, TimeSpan maxAge)
    {
        var response = http.Response.Headers;
        response.ETag = document.ETag;
        response.CacheControl = $"public, max-age={(int)maxAge.TotalSeconds}";
        response.Vary = "Accept-Encoding";
        // A malformed If-None-Match parses as empty: the client simply gets the full body.
        var request = http.Request.GetTypedHeaders();
        if (request.IfNoneMatch.Any(tag => tag.Tag.Equals(document.ETag) || tag.Tag.Equals("*")))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }
        var coding = ContentCoding.Choose(request.AcceptEncoding);
        if (coding is not null) response.ContentEncoding = coding;
        // For HEAD, Kestrel sends the headers (Content-Length included) and drops the body.
        return Results.Bytes(document.Body(coding), "application/json; charset=utf-8");
    }
}
