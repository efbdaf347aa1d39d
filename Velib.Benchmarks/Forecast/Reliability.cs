using System.Globalization;
using System.Text;

namespace Velib.Benchmarks.Forecast;

/// <summary>The reliability of a forecast in 10 bins of the forecast probability: mean forecast against observed frequency.</summary>
internal sealed class Reliability
{
    private readonly double[] _forecast = new double[10], _observed = new double[10];
    private readonly long[] _n = new long[10];

    public void Add(double p, int y)
    {
        var bin = Math.Min((int)(p * 10), 9);
        _forecast[bin] += p;
        _observed[bin] += y;
        _n[bin]++;
    }

    public IEnumerable<(int Bin, long N, double Forecast, double Observed)> Bins =>
        Enumerable.Range(0, 10).Where(b => _n[b] > 0).Select(b => (b, _n[b], _forecast[b] / _n[b], _observed[b] / _n[b]));

    /// <summary>A reliability diagram as SVG: one line per series against the diagonal of perfect calibration.</summary>
    public static string Svg(IReadOnlyList<(string Name, string Colour, Reliability Table)> series)
    {
        const int size = 400, pad = 40;
        var svg = new StringBuilder().Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{size + 2 * pad}\" height=\"{size + 2 * pad}\" font-family=\"sans-serif\" font-size=\"12\">");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{pad}\" y=\"{pad}\" width=\"{size}\" height=\"{size}\" fill=\"none\" stroke=\"#999\"/><line x1=\"{pad}\" y1=\"{pad + size}\" x2=\"{pad + size}\" y2=\"{pad}\" stroke=\"#ccc\" stroke-dasharray=\"4\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{pad}\" y=\"{pad - 10}\">Reliability, April 2026: observed frequency against forecast probability</text><text x=\"{pad + size / 2 - 40}\" y=\"{pad + size + 30}\">forecast</text>");
        for (var s = 0; s < series.Count; s++)
        {
            var (name, colour, table) = series[s];
            var points = string.Join(' ', table.Bins.Select(b => string.Create(CultureInfo.InvariantCulture, $"{pad + b.Forecast * size:0.0},{pad + size - b.Observed * size:0.0}")));
            svg.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{points}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{pad + 10}\" y=\"{pad + 20 + 16 * s}\" fill=\"{colour}\">{name}</text>");
        }
        return svg.Append("</svg>\n").ToString();
    }
}
