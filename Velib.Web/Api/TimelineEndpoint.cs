using Microsoft.Extensions.Localization;
using Velib.Contracts.Archive;

namespace Velib.Web.Api;

/// <summary><c>GET /api/network/timeline</c>: the network's totals every step over a window, from the lake.</summary>
internal static class TimelineEndpoint
{
    public static RouteHandlerBuilder MapTimeline(this RouteGroupBuilder api) =>
        api.MapGet("/network/timeline", Handle)
            .WithName("GetNetworkTimeline")
            .WithSummary("The network's totals (stations, bikes, mechanical, e-bikes, free docks, empty and full stations) at from and every step up to to.")
            .WithDescription("from and to are ISO 8601 times inside the archive (to defaults to now, from to 24 h before to); step is an ISO 8601 "
                + "duration, PT5M by default, at least PT1M. The window is at most 31 days.")
            .Produces<TimelinePoint[]>().ProducesProblem(StatusCodes.Status400BadRequest);

    private static async Task<IResult> Handle(string? from, string? to, string? step, IClusterClient orleans, IStringLocalizer<Text> t)
    {
        var reader = orleans.GetGrain<IArchiveReaderGrain>(0);
        var range = await reader.GetRange();
        var toUtc = range.LastUtc;
        if (to is not null && !ArchiveQuery.TryTime(t, "to", to, out toUtc, out var badTo)) return badTo;
        var fromUtc = toUtc.AddDays(-1);
        if (from is not null && !ArchiveQuery.TryTime(t, "from", from, out fromUtc, out var badFrom)) return badFrom;
        if (from is null && range.FirstUtc is { } first && fromUtc < first) fromUtc = first;
        if (ArchiveQuery.BadWindow(t, fromUtc, toUtc, step, out var interval) is { } badWindow) return badWindow;
        if ((ArchiveQuery.OutOfRange(t, "from", fromUtc, range) ?? ArchiveQuery.OutOfRange(t, "to", toUtc, range)) is { } outside) return outside;
        return TypedResults.Ok(await reader.GetTimeline(fromUtc, toUtc, interval));
    }
}
