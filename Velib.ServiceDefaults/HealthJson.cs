using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Velib.ServiceDefaults;

/// <summary>
/// <c>/health</c> as <c>{"status":"Degraded","description":"feed stale: …","checks":{…}}</c>. The description
/// joins the reasons of every check that is not healthy (or the healthy ones' summaries).
/// </summary>
public static class HealthJson
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var notHealthy = report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).ToList();
        var described = (notHealthy.Count > 0 ? notHealthy : [.. report.Entries])
            .Select(e => e.Value.Description).OfType<string>();
        context.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            description = string.Join("; ", described),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        });
    }
}
