using System.Globalization;
using System.Text;

namespace Velib.Benchmarks.Months;

/// <summary>The long run as an SVG: bytes per change on top, sizes and memory below, one point per simulated day.</summary>
internal static class MonthsPlot
{
    private const int Width = 640, Height = 180, Pad = 50;

    public static string Svg(IReadOnlyList<MonthsDay> days)
    {
        var svg = new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width + 2 * Pad}\" height=\"{2 * Height + 3 * Pad}\" font-family=\"sans-serif\" font-size=\"12\">");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Pad}\" y=\"20\">Velib store over {days.Count} simulated days of Paris (Velib.Benchmarks --months)</text>");
        Panel(svg, days, Pad, "bytes written to the store per change", [("B/change", "#1f77b4", d => d.BytesPerChange)]);
        Panel(svg, days, 2 * Pad + Height, "MiB at the end of each day", [
            ("data folder", "#2ca02c", d => d.FolderBytes / 1048576.0),
            ("AOF to replay", "#9467bd", d => d.AofLength / 1048576.0),
            ("store RSS", "#d62728", d => d.StoreRss / 1048576.0),
            ("silo RSS", "#ff7f0e", d => d.SiloRss / 1048576.0)]);
        return svg.Append("</svg>\n").ToString();
    }

    private static void Panel(StringBuilder svg, IReadOnlyList<MonthsDay> days, int top, string title,
        (string Name, string Colour, Func<MonthsDay, double> Value)[] series)
    {
        var max = Nice(series.Max(s => days.Max(s.Value)));
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Pad}\" y=\"{top}\" width=\"{Width}\" height=\"{Height}\" fill=\"none\" stroke=\"#999\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Pad}\" y=\"{top - 6}\">{title}</text>");
        for (var t = 0; t <= 4; t++)
        {
            var y = top + Height - t * Height / 4.0;
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Pad}\" y1=\"{y:0.0}\" x2=\"{Pad + Width}\" y2=\"{y:0.0}\" stroke=\"#eee\"/><text x=\"{Pad - 6}\" y=\"{y + 4:0.0}\" text-anchor=\"end\">{max * t / 4:0.##}</text>");
        }
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Pad + Width / 2}\" y=\"{top + Height + 16}\" text-anchor=\"middle\">day</text>");
        for (var s = 0; s < series.Length; s++)
        {
            var (name, colour, value) = series[s];
            var points = string.Join(' ', days.Select(d => string.Create(CultureInfo.InvariantCulture,
                $"{X(d.Day, days.Count):0.0},{top + Height - value(d) / max * Height:0.0}")));
            svg.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{points}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Pad + 10 + 130 * s}\" y=\"{top + 16}\" fill=\"{colour}\">{name}</text>");
        }
    }

    private static double X(int day, int count) => Pad + (count <= 1 ? 0 : (day - 1) * (double)Width / (count - 1));

    /// <summary>The axis top: 1, 2 or 5 times a power of ten, at or above the largest value.</summary>
    private static double Nice(double max)
    {
        if (max <= 0) return 1;
        var power = Math.Pow(10, Math.Floor(Math.Log10(max)));
        return new[] { 1, 2, 5, 10 }.Select(m => m * power).First(v => v >= max);
    }
}
