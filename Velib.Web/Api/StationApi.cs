using Velib.Contracts.Systems;
using Microsoft.Extensions.Localization;
using Velib.Contracts.Archive;
using Velib.Contracts.Feed;
using Velib.Contracts.Stations;
using Velib.ServiceDefaults;

namespace Velib.Web.Api;

/// <summary>The JSON API: <c>/api/stations</c>, <c>/api/stations/{id}</c> and <c>/api/status</c>.</summary>
public static class StationApi
{
    private static readonly TimeSpan MembershipLimit = TimeSpan.FromSeconds(1.5);

    public static IEndpointRouteBuilder MapVelibApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Velib");

        api.MapStations();
        api.MapTimeline();
        api.MapForecast();
        api.MapGet("/archive/range", (IClusterClient orleans) => orleans.GetGrain<IArchiveReaderGrain>(0).GetRange())
            .WithName("GetArchiveRange").WithSummary("The times the archive can answer ?at= and timelines for: from its first checkpoint to now.");

        api.MapGet("/stations/{id}", async Task<IResult> (string id, IClusterClient orleans, IStringLocalizer<Text> t) =>
            {
                if (!TryParseStationId(t, id, out var stationId, out var problem))
                {
                    return problem;
                }
                var detail = await orleans.GetStation(SystemId.Velib, stationId).GetDetail();
                return detail is null
                    ? TypedResults.Problem(t["e-no-station", stationId], statusCode: StatusCodes.Status404NotFound)
                    : TypedResults.Ok(StationWithHistory.From(detail));
            })
            .WithName("GetStation").WithSummary("One station with its last 24 h of changes.")
            .Produces<StationWithHistory>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/status", async (IClusterClient orleans, IConfiguration configuration,
                [FromKeyedServices(StoreConnection.Name)] StackExchange.Redis.IConnectionMultiplexer storeConnection) =>
            {
                // Feed and archive answer from grain memory; the membership comes from the store, which may be down:
                // that part is bounded, so the status still answers (and says why) during a store outage.
                var feed = Feed(orleans).GetStatus();
                var archive = orleans.GetGrain<IArchiveGrain>(SystemId.Velib.Value).GetStatus();
                var store = StoreConnection.Describe(configuration.GetConnectionString(StoreConnection.Name));
                var policy = StoreConnection.EvictionPolicyAsync(storeConnection, MembershipLimit);
                ClusterStatus cluster;
                try
                {
                    var hosts = await orleans.GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: false).WaitAsync(MembershipLimit);
                    cluster = new ClusterStatus([.. hosts.OrderBy(h => h.SiloAddress.Endpoint.Port)
                        .Select(h => new SiloStatus($"{h.SiloAddress.Endpoint.Address}:{h.SiloAddress.Endpoint.Port}", h.Status.ToString()))], store);
                }
                catch (Exception ex) when (ex is TimeoutException or SiloUnavailableException or OrleansMessageRejectionException or OrleansException)
                {
                    cluster = new ClusterStatus([], store, $"membership unavailable ({ex.GetType().Name}: {ex.Message})");
                }
                return TypedResults.Ok(new SystemStatus(await feed, await archive, cluster with { StoreEvictionPolicy = await policy }));
            })
            .WithName("GetStatus").WithSummary("Health of the feed (mode, freshness, errors, hosting silo), the archive and the cluster (silos, store).");

        return app.MapVelibHistoryApi();
    }

    /// <summary>Station ids are 64-bit integers; anything else is a 400 with a reason.</summary>
    internal static bool TryParseStationId(IStringLocalizer<Text> t, string id, out long stationId, out IResult problem)
    {
        problem = TypedResults.Problem(t["e-station-id", id], statusCode: StatusCodes.Status400BadRequest);
        return long.TryParse(id, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out stationId);
    }

    private static IFeedIngestionGrain Feed(IClusterClient orleans) =>
        orleans.GetGrain<IFeedIngestionGrain>(SystemId.Velib.Value);
}
