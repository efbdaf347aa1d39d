using System.Diagnostics;
using System.Globalization;

namespace Velib.Benchmarks.Lake;

/// <summary>Timed runs in milliseconds, summarised the way the goals are stated: median, p99 and the worst.</summary>
internal sealed class Samples
{
    private readonly List<double> _ms = [];

    public int Count => _ms.Count;

    public double Median => Percentile(50);

    public double P99 => Percentile(99);

    public double Max => _ms.Max();

    public async Task<T> TimeAsync<T>(Func<Task<T>> run)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await run();
        _ms.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return result;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"median {Median:0.0} ms, max {Max:0.0} ms (n={Count})");

    /// <summary>Nearest rank: with few samples the p99 is the worst one, which is what a stall figure should be.</summary>
    private double Percentile(int p)
    {
        var sorted = _ms.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
