using System.Globalization;
using Microsoft.Extensions.Localization;
using Velib.Contracts.Archive;
using Velib.Contracts.Stations;

namespace Velib.Web.Api;

/// <summary><c>/api/stations/{id}/history</c>: the last 24 h from the station grain, older windows from the S3 archive.</summary>
public static class HistoryApi
{
    private static readonly TimeSpan InMemory = TimeSpan.FromHours(24);
    private static readonly TimeSpan LongestWindow = TimeSpan.FromDays(31);

    public static IEndpointRouteBuilder MapVelibHistoryApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/stations/{id}/history", async Task<IResult> (string id, string? from, string? to, IClusterClient orleans, TimeProvider time, IStringLocalizer<Text> t) =>
            {
                var now = time.GetUtcNow().UtcDateTime;
                if (!StationApi.TryParseStationId(t, id, out var stationId, out var problem))
                {
                    return problem;
                }
                if (!TryTime(to, now, out var toUtc) || !TryTime(from, toUtc - InMemory, out var fromUtc) || fromUtc >= toUtc || toUtc - fromUtc > LongestWindow)
                {
                    return TypedResults.Problem(t["e-history"], statusCode: 400);
                }

                var points = new SortedDictionary<DateTime, StationChange>();
                var sources = new List<string>();
                if (fromUtc < now - InMemory)
                {
                    foreach (var c in await orleans.GetGrain<IArchiveReaderGrain>(0).GetChanges(stationId, fromUtc, toUtc)) points[c.ObservedUtc] = c;
                    sources.Add("archive");
                }
                if (toUtc > now - InMemory && await orleans.GetGrain<IStationGrain>(stationId).GetDetail() is { } detail)
                {
                    foreach (var c in detail.History.Where(c => c.ObservedUtc >= fromUtc && c.ObservedUtc < toUtc)) points[c.ObservedUtc] = c;
                    sources.Add("memory");
                }
                return TypedResults.Ok(new StationHistory(stationId, fromUtc, toUtc, string.Join('+', sources), [.. points.Values.Select(HistoryPoint.From)]));
            })
            .WithTags("Velib").WithName("GetStationHistory")
            .WithSummary("A station's changes in [from, to): memory for the last 24 h, the S3 archive before that.")
            .Produces<StationHistory>().ProducesProblem(400);
        return app;
    }

    private static bool TryTime(string? text, DateTime fallback, out DateTime utc)
    {
        utc = fallback;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)) return false;
        utc = parsed.UtcDateTime;
        return true;
    }
}
