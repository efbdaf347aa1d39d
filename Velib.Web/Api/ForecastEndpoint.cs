using Microsoft.Extensions.Localization;
using Velib.Contracts.Archive;
using Velib.Contracts.Forecast;

namespace Velib.Web.Api;

/// <summary><c>GET /api/stations/forecast</c> and <c>/api/stations/{id}/forecast</c>: the odds of a bike, an e-bike and a free dock later.</summary>
internal static class ForecastEndpoint
{
    private const string Parameters = "horizon is an ISO 8601 duration from PT5M to PT3H (PT30M by default). at is an ISO 8601 time inside the archive "
        + "(absent: now): the forecast as it was made then, from the state at that time and a model fitted only on the 90 days before that UTC day "
        + "(fitted first if it is not stored yet, which can take tens of seconds). A station gets null odds and a reason (no-history: the model "
        + "saw no history of it; not-in-service) rather than a number the data do not support.";

    public static RouteGroupBuilder MapForecast(this RouteGroupBuilder api)
    {
        api.MapGet("/stations/forecast", async Task<IResult> (string? horizon, string? at, IClusterClient orleans, IStringLocalizer<Text> t) =>
            {
                var (h, atUtc, problem) = await Check(horizon, at, orleans, t);
                if (problem is not null) return problem;
                return TypedResults.Ok(await orleans.GetGrain<IForecastReaderGrain>(0).GetNetworkForecast(atUtc, h));
            })
            .WithName("GetNetworkForecast")
            .WithSummary("For every station, the probability of at least one bike, mechanical bike, e-bike and free dock at now (or at) + horizon.")
            .WithDescription(Parameters)
            .Produces<StationForecast[]>().ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/stations/{id}/forecast", async Task<IResult> (string id, string? horizon, string? at, IClusterClient orleans, IStringLocalizer<Text> t) =>
            {
                if (!StationApi.TryParseStationId(t, id, out var stationId, out var bad)) return bad;
                var (h, atUtc, problem) = await Check(horizon, at, orleans, t);
                if (problem is not null) return problem;
                var detail = await orleans.GetGrain<IForecastReaderGrain>(0).GetStationForecast(stationId, atUtc, h);
                return detail is null
                    ? TypedResults.Problem(t["e-no-station", stationId], statusCode: StatusCodes.Status404NotFound)
                    : TypedResults.Ok(detail);
            })
            .WithName("GetStationForecast")
            .WithSummary("One station's odds, as in /api/stations/forecast, with the distribution of each count (P(0), P(1), …) at now (or at) + horizon.")
            .WithDescription(Parameters)
            .Produces<StationForecastDetail>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<(TimeSpan Horizon, DateTime? AtUtc, IResult? Problem)> Check(string? horizon, string? at, IClusterClient orleans, IStringLocalizer<Text> t)
    {
        if (!ForecastQuery.TryParse(t, horizon, at, out var h, out var atUtc, out var problem)) return (h, atUtc, problem);
        if (atUtc is { } time && ArchiveQuery.OutOfRange(t, "at", time, await orleans.GetGrain<IArchiveReaderGrain>(0).GetRange()) is { } outside)
        {
            return (h, atUtc, outside);
        }
        return (h, atUtc, null);
    }
}
