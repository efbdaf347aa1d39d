using System.Net.Http.Json;
using System.Text.Json;

namespace Velib.AppHost;

/// <summary>
/// Dashboard commands on a silo resource. Each goes to that silo's <c>/commands/*</c> endpoint, which acts
/// through the cluster (the grain may live on another silo), and comes back with what was done.
/// </summary>
internal static class SiloCommandExtensions
{
    private const string TokenHeader = "X-Velib-Command-Token";

    public static IResourceBuilder<ProjectResource> WithSiloCommands(this IResourceBuilder<ProjectResource> silo)
    {
        // A per-run token: the endpoint listens on loopback, and only this AppHost may call it.
        var token = Guid.NewGuid().ToString("N");
        silo.WithEnvironment("Velib__Commands__Token", token);
        var http = silo.GetEndpoint("http");
        return silo
            .WithCommand("velib-poll", "Poll now", c => Run(http, "poll", token, c),
                new CommandOptions { Description = "Runs one ingest cycle now", IconName = "ArrowSync" })
            .WithCommand("velib-switch-mode", "Switch to simulated / live", c => Run(http, "switch-mode", token, c),
                new CommandOptions { Description = "Switches the feed between the live Vélib' feed and the simulated network", IconName = "ArrowSwap" })
            .WithCommand("velib-flush", "Flush archive now", c => Run(http, "flush", token, c),
                new CommandOptions { Description = "Uploads every spooled change to S3 now", IconName = "CloudArrowUp" });
    }

    private static async Task<ExecuteCommandResult> Run(EndpointReference http, string command, string token, ExecuteCommandContext context)
    {
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(http.Url), Timeout = TimeSpan.FromMinutes(2) };
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/commands/{command}");
            request.Headers.Add(TokenHeader, token);
            using var response = await client.SendAsync(request, context.CancellationToken);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(context.CancellationToken);
            var message = body.TryGetProperty("message", out var m) ? m.GetString() ?? "" : body.ToString();
            return response.IsSuccessStatusCode ? CommandResults.Success(message) : CommandResults.Failure(message);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
        {
            return CommandResults.Failure($"{command} failed: {ex.Message}");
        }
    }
}
