using System.Diagnostics;

namespace Velib.ServiceDefaults;

/// <summary>
/// Orleans' context propagator (Orleans takes it from DI): passes a call's trace context on only when the calling
/// span is recorded. <see cref="FrameworkNoiseFilter"/> stops recording framework root spans, but by then their
/// context says "sampled", and the callee would record an orphan span for every dropped root (1,600 per ingest
/// cycle, one per station call). Without a context, the callee's span is itself a framework root, and is dropped too.
/// </summary>
internal sealed class RecordedOnlyPropagator(DistributedContextPropagator inner) : DistributedContextPropagator
{
    public override IReadOnlyCollection<string> Fields => inner.Fields;

    public override void Inject(Activity? activity, object? carrier, PropagatorSetterCallback? setter)
    {
        if (activity is null || activity.Recorded)
        {
            inner.Inject(activity, carrier, setter);
        }
    }

    public override void ExtractTraceIdAndState(object? carrier, PropagatorGetterCallback? getter, out string? traceId, out string? traceState) =>
        inner.ExtractTraceIdAndState(carrier, getter, out traceId, out traceState);

    public override IEnumerable<KeyValuePair<string, string?>>? ExtractBaggage(object? carrier, PropagatorGetterCallback? getter) =>
        inner.ExtractBaggage(carrier, getter);
}
