using System.Diagnostics;

namespace Velib.Silo.Telemetry;

/// <summary>The app's trace source; its name is the one ServiceDefaults subscribes to.</summary>
internal static class VelibActivity
{
    public static readonly ActivitySource Source = new(Extensions.VelibTelemetryName);

    /// <summary>
    /// Starts a root span: ingest cycles are triggered by a grain timer, whose own runtime span would
    /// otherwise become the parent and hide the cycle under Orleans noise.
    /// </summary>
    public static Activity? StartRoot(string name)
    {
        var previous = Activity.Current;
        Activity.Current = null;
        var activity = Source.StartActivity(name, ActivityKind.Internal);
        if (activity is null)
        {
            Activity.Current = previous;
        }
        return activity;
    }
}
