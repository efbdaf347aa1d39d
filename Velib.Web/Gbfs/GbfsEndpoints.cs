using Microsoft.Extensions.Options;
using Velib.Web.Api;

namespace Velib.Web.Gbfs;

/// <summary>
/// <c>/gbfs/gbfs.json</c> and the feeds it lists: the normalized network republished as GBFS 3.0, with the same
/// caching as <c>/api/stations</c> (one serialization per snapshot version, ETag, 304, gzip and Brotli).
/// </summary>
internal static class GbfsEndpoints
{
    public static IEndpointRouteBuilder MapVelibGbfs(this IEndpointRouteBuilder app)
    {
        var gbfs = app.MapGroup("/gbfs").WithTags("GBFS 3.0");
        gbfs.MapMethods("/gbfs.json", [HttpMethods.Get, HttpMethods.Head], async (HttpContext http, Velib.Web.Live.LiveNetwork cache,
                IOptions<ApiOptions> api, CancellationToken cancellationToken) =>
            {
                var snapshot = await cache.GetAsync(cancellationToken);
                var baseUrl = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/gbfs";
                // Small, and its URLs follow the host the client used, so it is built per request.
                var document = CachedDocument.Of(snapshot.Snapshot.Version, GbfsWriter.Discovery(baseUrl, snapshot.Snapshot, Ttl(api)));
                return DocumentResponse.Serve(http, document, api.Value.PollInterval);
            })
            .WithName("GetGbfsDiscovery").WithSummary("GBFS 3.0 auto-discovery: the feeds of the Vélib' network, standard.");

        gbfs.MapMethods("/{feed}.json", [HttpMethods.Get, HttpMethods.Head], async Task<IResult> (string feed, HttpContext http, Velib.Web.Live.LiveNetwork cache,
                IOptions<ApiOptions> api, IOptions<GbfsOptions> options, Microsoft.Extensions.Localization.IStringLocalizer<Text> t,
                CancellationToken cancellationToken) =>
            {
                Func<Velib.Contracts.Stations.NetworkSnapshot, byte[]>? write = feed switch
                {
                    "system_information" => s => GbfsWriter.SystemInformation(s, Ttl(api), options.Value),
                    "vehicle_types" => s => GbfsWriter.VehicleTypes(s, Ttl(api), options.Value),
                    "station_information" => s => GbfsWriter.StationInformation(s, Ttl(api)),
                    "station_status" => s => GbfsWriter.StationStatus(s, Ttl(api)),
                    _ => null,
                };
                if (write is null)
                {
                    return TypedResults.Problem(t["e-gbfs", feed, string.Join(", ", GbfsWriter.Feeds)],
                        statusCode: StatusCodes.Status404NotFound);
                }
                var snapshot = await cache.GetAsync(cancellationToken);
                return DocumentResponse.Serve(http, snapshot.Document("gbfs/" + feed, write), api.Value.PollInterval);
            })
            .WithName("GetGbfsFeed").WithSummary("One GBFS 3.0 feed: system_information, vehicle_types, station_information or station_status.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    // Our poll interval: nothing newer can exist before the next poll.
    private static int Ttl(IOptions<ApiOptions> api) => (int)api.Value.PollInterval.TotalSeconds;
}
