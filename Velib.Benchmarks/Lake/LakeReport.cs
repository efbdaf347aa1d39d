using System.Globalization;

namespace Velib.Benchmarks.Lake;

/// <summary>The figures of the lake benchmark, each beside its goal.</summary>
internal sealed class LakeReport
{
    private readonly List<(string Figure, string Measured, string Goal, string Verdict)> _rows = [];

    /// <summary>A figure with a goal: <paramref name="judged"/> (the worst run, or a p99) must stay within <paramref name="goalMs"/>.</summary>
    public void Goal(string figure, Samples samples, double judged, double goalMs, double? p99 = null)
    {
        var measured = p99 is { } p
            ? string.Create(CultureInfo.InvariantCulture, $"p99 {p:0.0} / max {samples.Max:0.0} ms, median {samples.Median:0.0} (n={samples.Count})")
            : samples.ToString();
        _rows.Add((figure, measured, string.Create(CultureInfo.InvariantCulture, $"<= {goalMs:0} ms"), judged <= goalMs ? "met" : "NOT met"));
    }

    public void Note(string figure, string measured) => _rows.Add((figure, measured, "", ""));

    public void Print()
    {
        var widths = (_rows.Max(r => r.Figure.Length), _rows.Max(r => r.Measured.Length), Math.Max(4, _rows.Max(r => r.Goal.Length)));
        Console.WriteLine();
        Console.WriteLine($"{"figure".PadRight(widths.Item1)} | {"measured".PadRight(widths.Item2)} | {"goal".PadRight(widths.Item3)} |");
        Console.WriteLine(new string('-', widths.Item1 + widths.Item2 + widths.Item3 + 14));
        foreach (var (figure, measured, goal, verdict) in _rows)
        {
            Console.WriteLine($"{figure.PadRight(widths.Item1)} | {measured.PadRight(widths.Item2)} | {goal.PadRight(widths.Item3)} | {verdict}");
        }
    }
}
