namespace Velib.Lake.Forecast;

/// <summary>
/// Maps a raw probability to the frequency seen for it on held-out examples, per group (the model's target, count
/// band and horizon): the held-out forecasts are binned on the logit scale, each bin is pulled towards the identity
/// by <see cref="Prior"/> pseudo-examples (so thin groups change little), the bins' frequencies are made monotone by
/// isotonic regression, and a forecast is interpolated between the bins' mean forecasts. With no held-out data it
/// is the identity. Stored as two tallies, so the same examples always give the same bytes and the same curve.
/// </summary>
public sealed class Calibrator
{
    /// <summary>How many pseudo-examples at the bin's own mean forecast each bin starts with.</summary>
    public const double Prior = 20;

    private const int Bins = 112;
    private const double Widest = 7; // logit of 0.999
    private Dictionary<long, (double[] X, double[] F)>? _curves;

    /// <summary>Per group × bin: the sum of the outcomes and the number of examples.</summary>
    internal Tally Outcomes { get; } = new();

    /// <summary>Per group × bin: the sum of the raw forecasts (their count is in <see cref="Outcomes"/>).</summary>
    internal Tally Forecasts { get; } = new();

    public void Add(long group, double raw, int outcome)
    {
        var key = (group << 8) | (long)Bin(raw);
        Outcomes.Add(key, outcome);
        Forecasts.Add(key, raw);
    }

    /// <summary>The calibrated probability of <paramref name="raw"/> in <paramref name="group"/>, monotone in it.</summary>
    public double Apply(long group, double raw)
    {
        // Built once the calibrator is complete (fitted or read); a race builds the same curves twice, harmlessly.
        var curves = _curves ??= Build();
        if (!curves.TryGetValue(group, out var curve)) return raw;
        var (x, f) = curve;
        if (raw <= x[0]) return raw + (f[0] - x[0]);
        if (raw >= x[^1]) return raw + (f[^1] - x[^1]);
        var i = Array.BinarySearch(x, raw);
        if (i >= 0) return f[i];
        i = ~i;
        var t = (raw - x[i - 1]) / (x[i] - x[i - 1]);
        return f[i - 1] + (f[i] - f[i - 1]) * t;
    }

    private Dictionary<long, (double[] X, double[] F)> Build()
    {
        var curves = new Dictionary<long, (double[] X, double[] F)>();
        foreach (var cells in Outcomes.Ordered().GroupBy(c => c.Key >> 8))
        {
            var bins = cells.Select(c => (Mean: Forecasts[c.Key].Sum / c.N, c.Sum, c.N)).Where(b => b.N > 0).ToList();
            if (bins.Count == 0) continue;
            double[] x = [.. bins.Select(b => b.Mean)];
            double[] frequency = [.. bins.Select(b => (b.Sum + Prior * b.Mean) / (b.N + Prior))];
            double[] weight = [.. bins.Select(b => b.N + Prior)];
            curves[cells.Key] = (x, Isotonic.Fit(frequency, weight));
        }
        return curves;
    }

    private static int Bin(double p)
    {
        var q = Math.Clamp(p, 1e-6, 1 - 1e-6);
        var logit = Math.Clamp(Math.Log(q / (1 - q)), -Widest, Widest);
        return Math.Min((int)((logit + Widest) / (2 * Widest) * Bins), Bins - 1);
    }
}
