using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Velib.Contracts.Archive;
using Velib.Contracts.Feed;
using Velib.Contracts.Stations;

namespace Velib.Web.Api;

/// <summary>
/// <c>GET</c>/<c>HEAD /api/stations</c>, served like a static file: bytes serialized and compressed once per snapshot
/// version, a strong <c>ETag</c>, <c>304</c> for <c>If-None-Match</c>, cacheable for a poll interval. With
/// <c>?since=&lt;version&gt;</c>, only what changed after that version.
/// </summary>
internal static class StationsEndpoint
{
    public static RouteHandlerBuilder MapStations(this RouteGroupBuilder api) =>
        api.MapMethods("/stations", [HttpMethods.Get, HttpMethods.Head], Handle)
            .WithName("GetStations")
            .WithSummary("Every station with its latest availability; with ?since=<version>, the stations changed after that version; "
                + "with ?at=<ISO 8601 time>, every station as it was then, from the archive.")
            .WithDescription("The ETag is the snapshot version (\"v<version>\"); send it back in If-None-Match for a 304, or its number as "
                + "?since= for a delta. A delta says fullReload=true when the version is too old: then get /api/stations again. "
                + "gzip and Brotli are served when asked for in Accept-Encoding. ?at= must lie inside the archive (from its first checkpoint to now); "
                + "outside it the 400 says the range covered.")
            .Produces<Station[]>().Produces<StationsDelta>().Produces(StatusCodes.Status304NotModified).ProducesProblem(StatusCodes.Status400BadRequest);

    private static async Task<IResult> Handle(HttpContext http, string? since, string? at, SnapshotCache cache, IClusterClient orleans,
        IOptions<ApiOptions> options, CancellationToken cancellationToken)
    {
        if (at is not null)
        {
            return since is not null
                ? ArchiveQuery.Bad("Ask for either since (a delta of the live network) or at (the network at a past time), not both.")
                : await At(http, at, orleans.GetGrain<IArchiveReaderGrain>(0), options.Value.PollInterval);
        }
        if (since is not null)
        {
            return await Delta(since, orleans.GetGrain<IFeedIngestionGrain>(VelibSystem.Name));
        }
        var snapshot = await cache.GetAsync(cancellationToken);
        var document = snapshot.Document("stations", s => JsonSerializer.SerializeToUtf8Bytes(s.Stations, JsonSerializerOptions.Web));
        return DocumentResponse.Serve(http, document, options.Value.PollInterval);
    }

    private static async Task<IResult> At(HttpContext http, string at, IArchiveReaderGrain reader, TimeSpan maxAge)
    {
        if (!ArchiveQuery.TryTime("at", at, out var atUtc, out var problem)) return problem;
        if (ArchiveQuery.OutOfRange("at", atUtc, await reader.GetRange()) is { } outside) return outside;
        http.Response.Headers.CacheControl = $"public, max-age={(int)maxAge.TotalSeconds}";
        return TypedResults.Ok(await reader.GetNetworkAt(atUtc));
    }

    private static async Task<IResult> Delta(string since, IFeedIngestionGrain feed)
    {
        if (!long.TryParse(since, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return TypedResults.Problem($"since must be a snapshot version, a whole number such as the 12 of ETag \"v12\"; '{since}' is not.",
                statusCode: StatusCodes.Status400BadRequest);
        }
        var current = await feed.GetVersion();
        if (version > current)
        {
            return TypedResults.Problem($"Version {version} does not exist yet: the current version is {current}.", statusCode: StatusCodes.Status400BadRequest);
        }
        var delta = await feed.GetChangesSince(version);
        return TypedResults.Ok(new StationsDelta(version, delta.ToVersion, delta.Full, delta.Full ? [] : delta.Stations, delta.Removed));
    }
}
