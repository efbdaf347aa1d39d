using System.Diagnostics;
using OpenTelemetry;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Stops Orleans' own background traces (membership pings, directory and timer work: root spans of the Orleans
/// sources) from being exported, so the dashboard shows ingest cycles and archive flushes rather than runtime
/// chatter. Orleans spans inside an app trace (a web request, an ingest cycle) have a parent and are kept.
/// </summary>
internal sealed class OrleansNoiseFilter : BaseProcessor<Activity>
{
    public override void OnStart(Activity activity)
    {
        if (activity.Parent is null && activity.ParentSpanId == default
            && activity.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal))
        {
            // Not recorded: the exporter skips it, and its children inherit the decision through the parent-based sampler.
            activity.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
            activity.IsAllDataRequested = false;
        }
    }
}
