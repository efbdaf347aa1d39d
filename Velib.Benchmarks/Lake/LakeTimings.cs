using Velib.Silo.Lake;

namespace Velib.Benchmarks.Lake;

/// <summary>
/// The reads of issue 11's goals against the lake. "Cold" is a new reader (empty listing and object caches, as after a
/// silo start) on the process's one S3 client; "warm" asks again what a reader has already read.
/// </summary>
internal sealed class LakeTimings(Func<LakeReader> fresh, LakeSize lake, int stations)
{
    private readonly Random _random = new(11);

    /// <summary>The very first read of the process: JIT, the S3 client's first connection, Parquet's first schema.</summary>
    public async Task<double> FirstReadAsync()
    {
        var samples = new Samples();
        await samples.TimeAsync(() => CheckedStateAsync(fresh(), RandomTime()));
        return samples.Max;
    }

    public async Task<Samples> StateColdAsync(int runs)
    {
        var samples = new Samples();
        for (var i = 0; i < runs; i++)
        {
            var reader = fresh();
            var at = RandomTime();
            await samples.TimeAsync(() => CheckedStateAsync(reader, at));
        }
        return samples;
    }

    /// <summary>Times spread over the whole lake, each read once unmeasured and then measured: a scrub back to a time seen before.</summary>
    public async Task<Samples> StateWarmAsync(int runs)
    {
        var reader = fresh();
        var times = Enumerable.Range(0, runs).Select(_ => RandomTime()).ToList();
        foreach (var at in times) await CheckedStateAsync(reader, at);
        var samples = new Samples();
        foreach (var at in times) await samples.TimeAsync(() => CheckedStateAsync(reader, at));
        return samples;
    }

    /// <summary>Timelines of whole days (midnight to midnight, as the day chart asks), each run on a new reader.</summary>
    public async Task<(Samples Cold, Samples Warm)> TimelineAsync(int coldRuns, int warmRuns, TimeSpan step)
    {
        var cold = new Samples();
        var warm = new Samples();
        LakeReader? last = null;
        var day = lake.FromUtc;
        for (var i = 0; i < coldRuns; i++)
        {
            last = fresh();
            day = lake.FromUtc.AddDays(_random.Next((int)(lake.ToUtc - lake.FromUtc).TotalDays));
            var reader = last;
            var from = day;
            await cold.TimeAsync(() => CheckedTimelineAsync(reader, from, step));
        }
        for (var i = 0; i < warmRuns; i++) await warm.TimeAsync(() => CheckedTimelineAsync(last!, day, step));
        return (cold, warm);
    }

    /// <summary>Replay of one day: the state at each step in turn, on one reader that starts cold, twice over.</summary>
    public async Task<(Samples First, Samples Steps, Samples Again)> ReplayAsync(TimeSpan step)
    {
        var reader = fresh();
        var day = lake.FromUtc.AddDays(_random.Next(1, (int)(lake.ToUtc - lake.FromUtc).TotalDays));
        var first = new Samples();
        var steps = new Samples();
        var again = new Samples();
        await first.TimeAsync(() => CheckedStateAsync(reader, day));
        for (var at = day + step; at <= day.AddDays(1); at += step)
        {
            var t = at;
            await steps.TimeAsync(() => CheckedStateAsync(reader, t));
        }
        for (var at = day; at <= day.AddDays(1); at += step)
        {
            var t = at;
            await again.TimeAsync(() => CheckedStateAsync(reader, t));
        }
        return (first, steps, again);
    }

    /// <summary>A reader that has read every day's timeline, so that its caches hold the whole lake.</summary>
    public async Task<LakeReader> WholeLakeAsync()
    {
        var reader = fresh();
        for (var day = lake.FromUtc; day < lake.ToUtc; day = day.AddDays(1)) await CheckedTimelineAsync(reader, day, TimeSpan.FromHours(1));
        return reader;
    }

    private DateTime RandomTime() => lake.FromUtc.AddSeconds(_random.NextInt64((long)(lake.ToUtc - lake.FromUtc).TotalSeconds));

    /// <summary>A read that returned the wrong thing would time nothing worth reporting.</summary>
    private async Task<int> CheckedStateAsync(LakeReader reader, DateTime at)
    {
        var network = await reader.NetworkAtAsync(at);
        if (network.Length != stations) throw new InvalidOperationException($"{network.Length} stations at {at:O}, expected {stations}");
        return network.Length;
    }

    private static async Task<int> CheckedTimelineAsync(LakeReader reader, DateTime day, TimeSpan step)
    {
        var points = await reader.TimelineAsync(day, day.AddDays(1), step);
        var expected = (int)(TimeSpan.FromDays(1) / step) + 1;
        if (points.Length != expected || points.Any(p => p.Stations == 0)) throw new InvalidOperationException($"{points.Length} points for {day:O}, expected {expected}");
        return points.Length;
    }
}
