using Velib.Contracts.Systems;
using System.Globalization;
using System.Xml;
using Microsoft.Extensions.Localization;
using Velib.Contracts.Archive;
using Velib.Contracts.Stations;

namespace Velib.Web.Api;

/// <summary>
/// <c>/api/stations/{id}/history</c>: the last 24 h from the station grain, older windows from the S3 archive; with
/// <c>step</c>, thinned on the server to the station's state every step (a month at PT1H is 720 points, not thousands of changes).
/// </summary>
public static class HistoryApi
{
    private static readonly TimeSpan InMemory = TimeSpan.FromHours(24);
    private static readonly TimeSpan LongestWindow = TimeSpan.FromDays(31);

    public static IEndpointRouteBuilder MapVelibHistoryApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/stations/{id}/history", Handle)
            .WithTags("Velib").WithName("GetStationHistory")
            .WithSummary("A station's changes in [from, to): memory for the last 24 h, the S3 archive before that.")
            .WithDescription("from and to are ISO 8601 times (to defaults to now, from to 24 h before to), at most 31 days apart. With step, an ISO 8601 "
                + "duration of at least PT1M, the answer is the station's state at from and every step before to (from must then be inside the "
                + "archive): a month at PT1H is 720 points.")
            .Produces<StationHistory>().ProducesProblem(400);
        return app;
    }

    private static async Task<IResult> Handle(string id, string? from, string? to, string? step, IClusterClient orleans, TimeProvider time, IStringLocalizer<Text> t)
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
        var interval = TimeSpan.Zero;
        if (step is not null && ArchiveQuery.BadWindow(t, fromUtc, toUtc, step, out interval) is { } badStep) return badStep;

        var reader = orleans.GetGrain<IArchiveReaderGrain>(0);
        // The state at from comes from the lake's checkpoint before it: a quiet station may not change for hours.
        Task<StationChange?>? atStart = null;
        if (step is not null)
        {
            if (ArchiveQuery.OutOfRange(t, "from", fromUtc, await reader.GetRange()) is { } outside) return outside;
            atStart = StateAtAsync(reader, stationId, fromUtc);
        }
        var points = new SortedDictionary<DateTime, StationChange>();
        var sources = new List<string>();
        if (fromUtc < now - InMemory)
        {
            foreach (var c in await reader.GetChanges(stationId, fromUtc, toUtc)) points[c.ObservedUtc] = c;
            sources.Add("archive");
        }
        if (toUtc > now - InMemory && await orleans.GetStation(SystemId.Velib, stationId).GetDetail() is { } detail)
        {
            foreach (var c in detail.History.Where(c => c.ObservedUtc >= fromUtc && c.ObservedUtc < toUtc)) points[c.ObservedUtc] = c;
            sources.Add("memory");
        }
        var source = string.Join('+', sources);
        if (atStart is null) return TypedResults.Ok(new StationHistory(stationId, fromUtc, toUtc, source, [.. points.Values.Select(HistoryPoint.From)]));
        var sampled = HistorySampling.Sample(await atStart, [.. points.Values], fromUtc, toUtc, interval);
        return TypedResults.Ok(new StationHistory(stationId, fromUtc, toUtc, source, sampled, XmlConvert.ToString(interval)));
    }

    /// <summary>The station as the lake had it at <paramref name="atUtc"/>: its last change at or before then.</summary>
    internal static async Task<StationChange?> StateAtAsync(IArchiveReaderGrain reader, long stationId, DateTime atUtc) =>
        (await reader.GetNetworkAt(atUtc)).FirstOrDefault(s => s.Id == stationId) is { } s
            ? StationChange.Of(s, s.LastChangeUtc ?? atUtc, s.LastChangeUtc ?? atUtc)
            : null;

    private static bool TryTime(string? text, DateTime fallback, out DateTime utc)
    {
        utc = fallback;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)) return false;
        utc = parsed.UtcDateTime;
        return true;
    }
}
