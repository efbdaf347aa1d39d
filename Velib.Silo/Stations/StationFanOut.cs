using Velib.Contracts.Systems;
using System.Diagnostics;
using Velib.Contracts.Stations;
using Velib.ServiceDefaults;

namespace Velib.Silo.Stations;

/// <summary>Applies observations to station grains with bounded concurrency.</summary>
internal static class StationFanOut
{
    /// <summary>A call slower than this is named on the fan-out span.</summary>
    public static readonly TimeSpan SlowCall = TimeSpan.FromSeconds(1);

    /// <summary>One station call worth naming in the trace: slow, or failed.</summary>
    public sealed record Call(long StationId, double Milliseconds, string? Error);

    /// <summary>What a fan-out did: calls made, failures (the first kept), the slowest call, and the calls worth naming.</summary>
    public sealed record Result(int Calls, int Failed, Exception? FirstFailure, double SlowestMs, List<Call> Notable)
    {
        public void ThrowIfFailed()
        {
            if (FirstFailure is not null)
            {
                throw new InvalidOperationException($"{Failed} station grain calls failed; the snapshot was not advanced", FirstFailure);
            }
        }
    }

    /// <summary>
    /// Runs in the calling grain's scheduler, so the continuations below never run concurrently and the counters and
    /// the list need no locks. The next station's index is taken with Interlocked all the same, so that a caller
    /// outside a grain (the cycle benchmark) still applies each station exactly once. The calls are traced as one summary (the caller's span), not as 1,500 client and server spans.
    /// </summary>
    public static async Task<Result> ApplyAsync(IGrainFactory grains, IReadOnlyList<Station> stations, int concurrency,
        DateTime observedUtc, DateTime feedUpdatedUtc)
    {
        var failed = 0;
        var slowest = 0.0;
        Exception? first = null;
        var notable = new List<Call>();
        var next = -1;
        // Without a current activity, Orleans' per-call spans are roots, which the exporter drops (FrameworkNoiseFilter).
        var parent = Activity.Current;
        Activity.Current = null;
        try
        {
            // A fixed set of workers, each taking the next station when its call returns: no Task.WhenAny over
            // every call in flight for each completion, which cost O(concurrency) per station.
            await Task.WhenAll(Enumerable.Range(0, Math.Min(concurrency, stations.Count)).Select(_ => Worker()));
        }
        finally
        {
            Activity.Current = parent;
        }
        return new Result(stations.Count, failed, first, slowest, notable);

        async Task Worker()
        {
            for (var i = Interlocked.Increment(ref next); i < stations.Count; i = Interlocked.Increment(ref next))
            {
                await ApplyOne(stations[i]);
            }
        }

        async Task ApplyOne(Station station)
        {
            var started = Stopwatch.GetTimestamp();
            string? error = null;
            try
            {
                await grains.GetStation(SystemId.Velib, station.Id).Apply(station, observedUtc, feedUpdatedUtc);
            }
            catch (Exception ex)
            {
                failed++;
                first ??= ex;
                error = $"{ex.GetType().Name}: {ex.Message}";
            }
            var elapsed = Stopwatch.GetElapsedTime(started);
            slowest = Math.Max(slowest, elapsed.TotalMilliseconds);
            // Bounded, so that a store outage (every call failing) does not make one huge span.
            if ((error is not null || elapsed >= SlowCall) && notable.Count < 20)
            {
                notable.Add(new Call(station.Id, elapsed.TotalMilliseconds, error));
            }
        }
    }
}
