using System.Diagnostics;
using System.Globalization;
using Velib.Lake.Forecast;
using Velib.Lake.Import;

namespace Velib.Benchmarks.Forecast;

/// <summary>
/// Scores the forecast on the shared history: fitted on the pairs before <c>--train-until</c>, it forecasts every
/// station at every snapshot up to <c>--test-until</c> for the next snapshot (40-90 min later), against hard
/// persistence, calibrated persistence and climatology fitted on the same data. With <c>--daily</c> the model of each
/// test day is fitted on the pairs before that day, as the API's <c>?at=</c> forecasts (<see cref="DayModels"/>); the
/// baselines stay fitted before <c>--train-until</c>, as the issue asks. Writes the reliability plot to docs/.
/// </summary>
internal static class ForecastEvaluation
{
    private static readonly ForecastTarget[] Scored = [ForecastTarget.Bikes, ForecastTarget.Ebike, ForecastTarget.Docks];
    private static readonly string[] Methods = ["hard persistence", "calibrated persistence", "climatology", "model"];

    public static async Task RunAsync(string[] args)
    {
        var trainUntil = Date(args, "--train-until", new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc));
        var testUntil = Date(args, "--test-until", new DateTime(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc));
        var status = Path.Combine(SharedFolder.Find(), "data", "velib", "history", "status-2025-11-10_2026-04-30.parquet");
        var inputs = await ImportInputs.ReadAsync([status], SilentObserver.Instance, CancellationToken.None);
        var pairs = StockPairs.From(inputs.Observations);
        List<StockPair> train = [.. pairs.Where(p => p.AtUtc + p.Horizon <= trainUntil)];
        List<StockPair> test = [.. pairs.Where(p => p.AtUtc >= trainUntil && p.AtUtc < testUntil && p.Horizon >= TimeSpan.FromMinutes(40) && p.Horizon <= TimeSpan.FromMinutes(90))];
        if (args.Contains("--sweep"))
        {
            ForecastSweep.Run(train, test, Baselines.Fit(train));
            return;
        }
        var daily = args.Contains("--daily") ? new DayModels(pairs, StockFitSettings.Default) : null;
        var fitting = Stopwatch.StartNew();
        var once = daily is null ? StockModel.Fit(train) : null;
        var fitSeconds = fitting.Elapsed.TotalSeconds;
        var baselines = Baselines.Fit(train);
        Console.WriteLine(daily is null
            ? $"train: {train.Count:N0} pairs before {trainUntil:yyyy-MM-dd} (model fitted in {fitSeconds:0.0} s); test: {test.Count:N0} pairs to {testUntil:yyyy-MM-dd}, next snapshot 40-90 min later"
            : $"train: the model of each test day fitted on the pairs before that day (baselines on the {train.Count:N0} pairs before {trainUntil:yyyy-MM-dd}); test: {test.Count:N0} pairs to {testUntil:yyyy-MM-dd}, next snapshot 40-90 min later");
        var scores = new Dictionary<(ForecastTarget, bool Low, string Method), Score>();
        var reliability = Scored.ToDictionary(t => t, _ => new Reliability());
        var timing = Stopwatch.StartNew();
        foreach (var p in test)
        {
            var model = once ?? daily!.Of(p.AtUtc);
            foreach (var target in Scored)
            {
                var k = p.Now.Of(target);
                var y = p.Next.Of(target) > 0 ? 1 : 0;
                double[] forecasts = [Baselines.Hard(k), baselines.Calibrated(target, k), baselines.Climatology(p.StationId, target, p.AtUtc),
                    model.Probability(p.StationId, target, k, p.AtUtc, p.Horizon, p.Before?.Of(target))];
                reliability[target].Add(forecasts[3], y);
                for (var m = 0; m < Methods.Length; m++)
                {
                    foreach (var low in k <= 2 ? new[] { false, true } : [false])
                    {
                        if (!scores.TryGetValue((target, low, Methods[m]), out var score)) scores[(target, low, Methods[m])] = score = new Score();
                        score.Add(forecasts[m], y);
                    }
                }
            }
        }
        Console.WriteLine($"forecasts: {test.Count * Scored.Length * Methods.Length:N0} in {timing.Elapsed.TotalSeconds:0.0} s" + (daily is null ? "" : $" ({daily.Fits} daily fits, {daily.Fitting.TotalSeconds:0} s of it)"));
        Print(scores);
        foreach (var target in Scored)
        {
            // The noise of a bin's frequency, were the forecast exact: a gap inside it is not evidence of miscalibration.
            Console.WriteLine($"reliability of the model, {target}: bin, n, mean forecast, observed, gap, 95 % sampling band of a calibrated bin");
            foreach (var b in reliability[target].Bins) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {b.Bin / 10.0:0.0}-{(b.Bin + 1) / 10.0:0.0}  {b.N,9:N0}  {b.Forecast:0.000}  {b.Observed:0.000}  {b.Observed - b.Forecast:+0.000;-0.000;0.000}  ±{1.96 * Math.Sqrt(b.Forecast * (1 - b.Forecast) / b.N):0.000}"));
        }
        var plot = Path.Combine(Lake.LakeBenchmark.RepositoryRoot(), "docs", "forecast-reliability.svg");
        await File.WriteAllTextAsync(plot, Reliability.Svg([("bikes", "#1f77b4", reliability[ForecastTarget.Bikes]), ("e-bikes", "#2ca02c", reliability[ForecastTarget.Ebike]), ("docks", "#d62728", reliability[ForecastTarget.Docks])]));
        Console.WriteLine($"reliability plot: docs/{Path.GetFileName(plot)}");
    }

    private static void Print(Dictionary<(ForecastTarget, bool Low, string Method), Score> scores)
    {
        foreach (var low in new[] { true, false })
        {
            Console.WriteLine(low ? "LOW STOCK (count now <= 2): Brier / log loss" : "OVERALL: Brier / log loss");
            Console.WriteLine($"  {"target",-8} {"n",10}  {string.Join("  ", Methods.Select(m => $"{m,24}"))}  model/calibrated");
            foreach (var target in Scored)
            {
                var cells = Methods.Select(m => scores[(target, low, m)]).ToList();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {target,-8} {cells[0].Count,10:N0}  {string.Join("  ", cells.Select(c => $"{c.Brier,12:0.0000} / {c.LogLoss,-9:0.0000}"))}  {cells[3].Brier / cells[1].Brier:0.000}"));
            }
        }
    }

    private static DateTime Date(string[] args, string name, DateTime fallback) =>
        Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length
            ? DateTime.Parse(args[at + 1], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)
            : fallback;
}
