using Velib.Contracts.Systems;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Velib.Contracts.Archive;
using Velib.Contracts.Feed;
using Velib.Contracts.Stations;
using Velib.Web.Live;

namespace Velib.Web.Api;

/// <summary>
/// <c>GET</c>/<c>HEAD /api/stations</c>, served like a static file: bytes serialized and compressed once per snapshot
/// version, a strong <c>ETag</c>, <c>304</c> for <c>If-None-Match</c>, cacheable for a poll interval. With
/// <c>?since=&lt;version&gt;</c>, only what changed after that version.
/// </summary>
internal static class StationsEndpoint
{
    public static RouteHandlerBuilder MapStations(this RouteGroupBuilder api)
    {
        api.MapMethods("/stations/information", [HttpMethods.Get, HttpMethods.Head], async (HttpContext http, LiveNetwork cache,
                IOptions<ApiOptions> options, CancellationToken cancellationToken) =>
            {
                var snapshot = await cache.GetAsync(cancellationToken);
                var document = snapshot.Document("information", s => JsonSerializer.SerializeToUtf8Bytes(s.Stations.Select(StationInformationJson.From), JsonSerializerOptions.Web), tagByContent: true);
                return DocumentResponse.Serve(http, document, options.Value.PollInterval);
            })
            .WithName("GetStationInformation")
            .WithSummary("Every station's name, position and capacity, cached and compressed like /api/stations.")
            .Produces<StationInformationJson[]>().Produces(StatusCodes.Status304NotModified);
        api.MapStationStream();
        return api.MapMethods("/stations", [HttpMethods.Get, HttpMethods.Head], Handle)
            .WithName("GetStations")
            .WithSummary("Every station with its latest availability; with ?since=<version>, the stations changed after that version; "
                + "with ?at=<ISO 8601 time>, every station as it was then, from the archive.")
            .WithDescription("The ETag is the snapshot version (\"v<version>\"); send it back in If-None-Match for a 304, or its number as "
                + "?since= for a delta. A delta says fullReload=true when the version is too old: then get /api/stations again. "
                + "gzip and Brotli are served when asked for in Accept-Encoding. ?at= must lie inside the archive (from its first checkpoint to now); "
                + "outside it the 400 says the range covered.")
            .Produces<StationJson[]>().Produces<StationsDelta>().Produces(StatusCodes.Status304NotModified).ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> Handle(HttpContext http, string? since, string? at, LiveNetwork cache, IClusterClient orleans,
        IOptions<ApiOptions> options, IStringLocalizer<Text> t, CancellationToken cancellationToken)
    {
        if (at is not null)
        {
            return since is not null
                ? ArchiveQuery.Bad(t["e-at-since"])
                : await At(http, at, orleans.GetGrain<IArchiveReaderGrain>(0), options.Value.PollInterval, t);
        }
        if (since is not null)
        {
            return await Delta(since, cache, orleans.GetGrain<IFeedIngestionGrain>(SystemId.Velib.Value), t);
        }
        var snapshot = await cache.GetAsync(cancellationToken);
        return DocumentResponse.Serve(http, snapshot.Stations, options.Value.PollInterval);
    }

    private static async Task<IResult> At(HttpContext http, string at, IArchiveReaderGrain reader, TimeSpan maxAge, IStringLocalizer<Text> t)
    {
        if (!ArchiveQuery.TryTime(t, "at", at, out var atUtc, out var problem)) return problem;
        if (ArchiveQuery.OutOfRange(t, "at", atUtc, await reader.GetRange()) is { } outside) return outside;
        http.Response.Headers.CacheControl = $"public, max-age={(int)maxAge.TotalSeconds}";
        return TypedResults.Ok((await reader.GetNetworkAt(atUtc)).Select(StationJson.From));
    }

    private static async Task<IResult> Delta(string since, LiveNetwork live, IFeedIngestionGrain feed, IStringLocalizer<Text> t)
    {
        if (!long.TryParse(since, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return TypedResults.Problem(t["e-since", since],
                statusCode: StatusCodes.Status400BadRequest);
        }
        // From this process's own copy when it holds the versions asked for: no grain call per rider.
        if (live.Since(version) is { } local) return TypedResults.Ok(local);
        var current = await feed.GetVersion();
        if (version > current)
        {
            return TypedResults.Problem(t["e-version", version, current], statusCode: StatusCodes.Status400BadRequest);
        }
        var delta = await feed.GetChangesSince(version);
        return TypedResults.Ok(new StationsDelta(version, delta.ToVersion, delta.Full, delta.Full ? [] : [.. delta.Stations.Select(StationJson.From)], delta.Removed));
    }
}
