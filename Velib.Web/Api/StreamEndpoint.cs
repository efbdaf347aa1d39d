using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Localization;
using Velib.Web.Live;

namespace Velib.Web.Api;

/// <summary>
/// <c>GET /api/stations/stream</c>: the live network as Server-Sent Events, the same bytes for every rider. A
/// client first gets a <c>full</c> event (or, resuming from <c>Last-Event-ID</c> or <c>?since=</c>, the steps it
/// missed), then a <c>delta</c> per version and a <c>status</c> when the feed's health changes.
/// </summary>
internal static class StreamEndpoint
{
    public static RouteHandlerBuilder MapStationStream(this RouteGroupBuilder api) =>
        api.MapGet("/stations/stream", Handle)
            .WithName("GetStationStream")
            .WithSummary("The live network as Server-Sent Events (text/event-stream): full, delta and status events, and a heartbeat comment every 15 s.")
            .WithDescription("event: full carries the JSON array of /api/stations; event: delta the JSON of /api/stations?since=<previous version>; "
                + "id: is the snapshot version. The first event is a full, unless Last-Event-ID (or ?since=) names a version still held: then "
                + "the deltas after it. event: status carries {stale, reachable, version, feed}. A client that does not read fast enough "
                + "is dropped and reconnects from its last id. A malformed ?since= is a 400; a malformed Last-Event-ID starts from a full.")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream").ProducesProblem(StatusCodes.Status400BadRequest);

    private static async Task<IResult> Handle(HttpContext http, string? since, LiveNetwork live, StationStream stream,
        IStringLocalizer<Text> t, CancellationToken aborted)
    {
        // EventSource sends Last-Event-ID when it reconnects, with the URL it first used: the header is the newer.
        long? resume = null;
        if (http.Request.Headers["Last-Event-ID"] is [{ } lastId] && TryVersion(lastId, out var fromHeader)) resume = fromHeader;
        else if (since is not null)
        {
            if (!TryVersion(since, out var fromQuery)) return TypedResults.Problem(t["e-since", since], statusCode: StatusCodes.Status400BadRequest);
            resume = fromQuery;
        }

        // Connected before the snapshot is read: a version published in between is queued, and skipped if the
        // snapshot already has it.
        var client = stream.Connect();
        try
        {
            var snapshot = await live.GetAsync(aborted);
            var response = http.Response;
            response.ContentType = "text/event-stream";
            response.Headers.CacheControl = "no-cache, no-transform";
            response.Headers["X-Accel-Buffering"] = "no";
            response.Headers.Vary = "Accept-Encoding";
            var gzip = AcceptsGzip(http.Request);
            if (gzip) response.Headers.ContentEncoding = "gzip";
            http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            using var cancel = CancellationTokenSource.CreateLinkedTokenSource(aborted, client.Dropped);
            var body = response.Body;
            if (gzip) await body.WriteAsync(GzipSegments.Header, cancel.Token);
            await body.WriteAsync(StreamEvents.Retry.For(gzip), cancel.Token);

            var sent = snapshot.Snapshot.Version;
            var backlog = resume is { } v && live.EventsAfter(v) is { } steps ? steps : [snapshot.FullEvent];
            foreach (var e in backlog) await WriteAsync(body, e.For(gzip), cancel.Token);
            if (backlog.Count > 0 && backlog[^1].Version is { } last) sent = last;
            if (live.StatusEvent is { } status) await WriteAsync(body, status.For(gzip), cancel.Token);
            await body.FlushAsync(cancel.Token);

            await foreach (var e in client.Events.ReadAllAsync(cancel.Token))
            {
                if (e.Version is { } version)
                {
                    if (version <= sent) continue;
                    sent = version;
                }
                await WriteAsync(body, e.For(gzip), cancel.Token);
            }
            // The queue completed: this client was dropped for being slow. Ending the response makes it reconnect.
            http.Abort();
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested || client.IsDropped)
        {
            // The rider left, or was dropped while a write waited on a full socket.
            if (client.IsDropped) http.Abort();
        }
        finally
        {
            stream.Disconnect(client);
        }
        return Results.Empty;
    }

    // Every rider's event is the same shared array; Kestrel copies what it is given into the connection's pipe, and
    // a write of a whole event would copy all of it, whatever the pipe's bound. Given in slices no larger than that
    // bound, each flushed (which waits while the pipe is over it), a connection holds one slice, not one event.
    private const int Slice = StationStream.ConnectionBuffer;

    private static async Task WriteAsync(Stream body, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        for (var at = 0; at < bytes.Length; at += Slice)
        {
            await body.WriteAsync(bytes.Slice(at, Math.Min(Slice, bytes.Length - at)), cancellationToken);
            await body.FlushAsync(cancellationToken);
        }
    }

    // Browsers' EventSource asks for gzip; curl -N and most scripts do not, and get the plain text.
    private static bool AcceptsGzip(HttpRequest request) =>
        request.GetTypedHeaders().AcceptEncoding.Any(a => a.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase) && a.Quality is not 0);

    private static bool TryVersion(string text, out long version) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out version);
}
