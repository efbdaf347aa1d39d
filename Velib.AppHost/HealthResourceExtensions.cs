using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Velib.ServiceDefaults;

namespace Velib.AppHost;

/// <summary>
/// A project's own health, as the dashboard should show it. Aspire's HTTP health check only looks at the status
/// code, and Degraded is HTTP 200; this one reads the JSON of <c>/health</c> (see HealthJson in ServiceDefaults),
/// so Degraded appears as Degraded, with the reason as its description.
/// </summary>
internal static class HealthResourceExtensions
{
    public static IResourceBuilder<ProjectResource> WithVelibHealth(this IResourceBuilder<ProjectResource> project)
    {
        var endpoint = project.GetEndpoint("http");
        var name = $"{project.Resource.Name}-health";
        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        project.ApplicationBuilder.Services.AddHealthChecks().AddAsyncCheck(name, async cancellationToken =>
        {
            try
            {
                using var response = await http.GetAsync(new Uri(new Uri(endpoint.Url), "/health"), cancellationToken);
                var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
                var description = body.TryGetProperty("description", out var d) ? d.GetString() : null;
                return body.TryGetProperty("status", out var s) && Enum.TryParse<HealthStatus>(s.GetString(), out var status)
                    ? new HealthCheckResult(status, description)
                    : HealthCheckResult.Unhealthy($"/health answered {(int)response.StatusCode} without a status");
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException or InvalidOperationException)
            {
                return HealthCheckResult.Unhealthy($"/health did not answer: {ex.Message}");
            }
        });
        return project.WithHealthCheck(name);
    }
}
