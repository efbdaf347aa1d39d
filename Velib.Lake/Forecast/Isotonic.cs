namespace Velib.Lake.Forecast;

/// <summary>
/// Isotonic regression by pool-adjacent-violators: the non-decreasing sequence closest (weighted least squares) to
/// the given values, in their order. Pure and deterministic: the same points always give the same fit.
/// </summary>
public static class Isotonic
{
    /// <summary>The fitted value of each of <paramref name="values"/>, non-decreasing, with the same weighted mean.</summary>
    public static double[] Fit(IReadOnlyList<double> values, IReadOnlyList<double> weights)
    {
        if (values.Count != weights.Count) throw new ArgumentException("one weight per value", nameof(weights));
        // Blocks of pooled points: their mean, total weight and how many points they cover.
        var mean = new double[values.Count];
        var weight = new double[values.Count];
        var size = new int[values.Count];
        var blocks = 0;
        for (var i = 0; i < values.Count; i++)
        {
            mean[blocks] = values[i];
            weight[blocks] = weights[i];
            size[blocks] = 1;
            blocks++;
            // Merge backwards while the last block breaks the order: a violator is pooled with its neighbour.
            while (blocks > 1 && mean[blocks - 2] > mean[blocks - 1])
            {
                var w = weight[blocks - 2] + weight[blocks - 1];
                mean[blocks - 2] = w > 0 ? (mean[blocks - 2] * weight[blocks - 2] + mean[blocks - 1] * weight[blocks - 1]) / w : (mean[blocks - 2] + mean[blocks - 1]) / 2;
                weight[blocks - 2] = w;
                size[blocks - 2] += size[blocks - 1];
                blocks--;
            }
        }
        var fitted = new double[values.Count];
        for (int b = 0, i = 0; b < blocks; b++)
        {
            for (var j = 0; j < size[b]; j++) fitted[i++] = mean[b];
        }
        return fitted;
    }
}
