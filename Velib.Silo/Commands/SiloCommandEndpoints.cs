using Velib.Contracts.Systems;
using Velib.Contracts.Archive;
using Velib.Contracts.Feed;

namespace Velib.Silo.Commands;

/// <summary>
/// <c>POST /commands/poll</c>, <c>/commands/switch-mode</c> and <c>/commands/flush</c>: the Aspire dashboard's commands on a silo resource.
/// Each acts through the cluster and answers with what it did. Only callers with the AppHost's per-run token
/// (<c>Velib:Commands:Token</c>) are served.
/// </summary>
internal static partial class SiloCommandEndpoints
{
    private const string TokenHeader = "X-Velib-Command-Token";

    public static IEndpointRouteBuilder MapVelibCommands(this IEndpointRouteBuilder app)
    {
        var token = app.ServiceProvider.GetRequiredService<IConfiguration>()["Velib:Commands:Token"];
        var commands = app.MapGroup("/commands").AddEndpointFilter(async (context, next) =>
            string.IsNullOrEmpty(token) || context.HttpContext.Request.Headers[TokenHeader] != token
                ? Results.StatusCode(StatusCodes.Status403Forbidden)
                : await next(context));

        commands.MapPost("/poll", async (IGrainFactory grains, ILogger<Marker> logger) =>
        {
            var ingestion = grains.GetGrain<IFeedIngestionGrain>(SystemId.Velib.Value);
            var changed = await ingestion.Poll();
            var status = await ingestion.GetStatus();
            var message = status.LastError is null
                ? $"Polled {status.Mode} feed: {changed:N0} stations changed, {status.Stations:N0} in the snapshot (on {status.Silo})"
                : $"Poll failed: {status.LastError}";
            Ran(logger, "poll", message);
            return status.LastError is null ? Results.Ok(new { message }) : Results.Json(new { message }, statusCode: 502);
        });

        commands.MapPost("/switch-mode", async (IGrainFactory grains, ILogger<Marker> logger) =>
        {
            var status = await grains.GetGrain<IFeedIngestionGrain>(SystemId.Velib.Value).SwitchMode();
            var message = $"Switched to the {status.Mode} feed ({status.Url}): {status.Stations:N0} stations"
                + (status.LastError is null ? "" : $"; first poll failed: {status.LastError}");
            Ran(logger, "switch-mode", message);
            return Results.Ok(new { message });
        });

        commands.MapPost("/flush", async (IGrainFactory grains, ILogger<Marker> logger) =>
        {
            var flush = await grains.GetGrain<IArchiveGrain>(SystemId.Velib.Value).Flush();
            var message = flush.Error is null
                ? $"Flushed {flush.Rows:N0} changes in {flush.Objects:N0} objects"
                : $"Flush failed, changes stay spooled: {flush.Error}";
            Ran(logger, "flush", message);
            return flush.Error is null ? Results.Ok(new { message }) : Results.Json(new { message }, statusCode: 502);
        });
        return app;
    }

    /// <summary>The logger category of the commands.</summary>
    internal sealed class Marker;

    [LoggerMessage(1, LogLevel.Information, "Command {Command}: {Result}")]
    private static partial void Ran(ILogger logger, string command, string result);
}
