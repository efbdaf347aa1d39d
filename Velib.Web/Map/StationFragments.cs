using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Orleans.Runtime;
using Velib.Contracts.Stations;
using Velib.Web.Forecast;
using Velib.Web.Live;
using Velib.Web.Replay;

namespace Velib.Web.Map;

/// <summary>
/// A station's panel as HTML rendered on the server with MudBlazor (charts as SVG), fetched by the page when a rider
/// opens a station: its numbers and 24 h, its forecast, its archived span. Plain GETs, cacheable for a few seconds,
/// with nothing kept per rider. An unknown station or time is a 404 or 400 whose body says so in the rider's language.
/// </summary>
public static class StationFragments
{
    public static IEndpointRouteBuilder MapStationFragments(this IEndpointRouteBuilder app)
    {
        var fragments = app.MapGroup("/fragments/stations/{code}").ExcludeFromDescription();
        fragments.MapGet("", Panel);
        fragments.MapGet("/forecast", Forecast);
        fragments.MapGet("/span", Span);
        return app;
    }

    private static async Task<IResult> Panel(string code, INetworkView network, IStringLocalizer<Text> t)
    {
        await network.StartAsync();
        if (network.ByCode(code) is not { } station) return Problem(404, t["unknown-station", code]);
        var detail = await network.GetDetailAsync(station.Id);
        return detail is null ? Problem(404, t["unknown-station", code])
            : new RazorComponentResult<StationDetailPanel>(new { detail.Station, detail.History });
    }

    private static async Task<IResult> Forecast(string code, string? at, INetworkView network, IForecasts forecasts, IStringLocalizer<Text> t)
    {
        await network.StartAsync();
        if (network.ByCode(code) is not { } station) return Problem(404, t["unknown-station", code]);
        if (!TryTime(at, out var atUtc)) return Problem(400, t["not-a-time", at ?? ""]);
        var lines = await Task.WhenAll(StationForecastLine.Minutes.Select(async minutes =>
        {
            try
            {
                var detail = await forecasts.GetStation(station.Id, TimeSpan.FromMinutes(minutes), atUtc);
                return (minutes, detail is null ? t["forecast-no-history", minutes].Value : ForecastSentence.Of(t, detail.Forecast, minutes));
            }
            catch (Exception ex) when (ex is InvalidOperationException or OrleansException or TimeoutException)
            {
                return (minutes, t["forecast-unavailable"].Value);
            }
        }));
        return new RazorComponentResult<StationForecastLine>(new { Lines = (IReadOnlyList<(int, string)>)lines });
    }

    private static async Task<IResult> Span(string code, string? span, string? at, INetworkView network, IArchive archive, TimeProvider time,
        IStringLocalizer<Text> t)
    {
        await network.StartAsync();
        if (network.ByCode(code) is not { } station) return Problem(404, t["unknown-station", code]);
        if (!TryTime(at, out var atUtc)) return Problem(400, t["not-a-time", at ?? ""]);
        var chosen = HistorySpan.All.FirstOrDefault(s => s.Key == span) ?? HistorySpan.Week;
        var to = atUtc ?? time.GetUtcNow().UtcDateTime;
        IReadOnlyList<StationChange> samples;
        try
        {
            // The archive answers from its first checkpoint on: a younger lake gives a shorter chart.
            var first = (await archive.GetRange()).FirstUtc;
            var start = first is { } f && f > to - chosen.Length ? f : to - chosen.Length;
            samples = first is null || start >= to ? [] : await archive.GetSamples(station.Id, start, to.AddSeconds(1), chosen.Step);
        }
        catch (Exception ex) when (ex is InvalidOperationException or OrleansException or TimeoutException)
        {
            samples = []; // the archive cannot be read now: the chart says there is no history
        }
        return new RazorComponentResult<StationSpanChart>(new { Changes = samples, Span = chosen });
    }

    // No time is now; a time is read as the API reads it.
    private static bool TryTime(string? text, out DateTime? utc)
    {
        utc = null;
        if (string.IsNullOrEmpty(text)) return true;
        if (!Api.ArchiveQuery.TryParseTime(text, out var parsed)) return false;
        utc = parsed;
        return true;
    }

    private static RazorComponentResult<FragmentProblem> Problem(int status, string message) =>
        new(new { Message = message }) { StatusCode = status };
}
