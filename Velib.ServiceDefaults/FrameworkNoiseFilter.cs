using System.Diagnostics;
using OpenTelemetry;

namespace Velib.ServiceDefaults;

/// <summary>
/// Stops framework background traces from being exported, so that the dashboard's Traces page shows ingest cycles,
/// archive flushes and requests: root spans of Orleans (membership pings, directory, timers) and of Blazor circuits
/// (circuit lifetime, component routing over the circuit). Framework spans inside an app trace (a web request, an
/// ingest cycle) have a parent and are kept; the children of a dropped span are dropped with it.
/// </summary>
internal sealed class FrameworkNoiseFilter : BaseProcessor<Activity>
{
    private static readonly string[] NoisySources = ["Microsoft.Orleans", "Microsoft.AspNetCore.Components"];

    public override void OnStart(Activity activity)
    {
        var noisyRoot = activity.Parent is null && activity.ParentSpanId == default
            && NoisySources.Any(s => activity.Source.Name.StartsWith(s, StringComparison.Ordinal));
        // A child of a dropped span is dropped too: for example the grain calls made by a /health request, which the
        // ASP.NET Core instrumentation filters out without clearing its "sampled" flag.
        var parentDropped = activity.Parent is { } parent && (!parent.Recorded || !parent.IsAllDataRequested);
        if (noisyRoot || parentDropped)
        {
            // Not recorded: the exporter skips it, and its children inherit the decision through the parent-based sampler.
            activity.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
            activity.IsAllDataRequested = false;
        }
    }
}
