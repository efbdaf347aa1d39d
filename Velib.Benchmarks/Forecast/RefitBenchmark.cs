using System.Diagnostics;
using Velib.Benchmarks.Lake;
using Velib.Lake.Forecast;
using Velib.Lake.Import;

namespace Velib.Benchmarks.Forecast;

/// <summary>
/// The silo's daily refit and the API's forecast on the shared history imported into a private s3rver: the refit
/// of a day (the fitter's window read from the lake through a reader with the silo's refit cache, then fitted and stored), its
/// determinism, loading the stored model, the forecast for every station (warm), and the lake-fitted model of
/// 1 April scored on April's next-snapshot pairs (40-90 min) against calibrated persistence fitted on all data before.
/// </summary>
internal static class RefitBenchmark
{
    private static readonly ForecastTarget[] Scored = [ForecastTarget.Bikes, ForecastTarget.Ebike, ForecastTarget.Docks];

    public static async Task RunAsync()
    {
        var history = Path.Combine(SharedFolder.Find(), "data", "velib", "history");
        var status = Path.Combine(history, "status-2025-11-10_2026-04-30.parquet");
        await using var s3 = await LocalS3.StartAsync(LakeBenchmark.RepositoryRoot());
        var store = s3.Store();
        var imported = await new LakeImporter(store, new ImportOptions(), TimeProvider.System)
            .ImportAsync([Path.Combine(history, "stations-2025-11-10_2026-04-30.parquet"), status], SilentObserver.Instance, CancellationToken.None);
        Console.WriteLine($"imported: {imported.Describe()}");
        var models = new ForecastModelStore(store, "velib/");
        LakeReader Reader() => new(new LakeIndex(store, TimeProvider.System, TimeSpan.FromSeconds(30)), new LakeObjectCache(store, 200_000),
            null, "velib/", TimeProvider.System);
        var april = new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc);
        byte[]? first = null;
        foreach (var day in new[] { april, april, april.AddDays(29) })
        {
            var clock = Stopwatch.StartNew();
            var fitted = await new ForecastFitter(Reader()).FitAsync(day, CancellationToken.None);
            var fit = clock.Elapsed.TotalSeconds;
            var bytes = StockModelFile.Write(fitted);
            await models.WriteAsync(fitted, CancellationToken.None);
            Console.WriteLine($"refit {day:yyyy-MM-dd}: {fitted.Info.Snapshots:N0} snapshots {fitted.Info.FromUtc:yyyy-MM-dd HH:mm} to {fitted.Info.ToUtc:yyyy-MM-dd HH:mm}, "
                + $"{fitted.Info.Examples:N0} examples, read and fitted in {fit:0.0} s, stored in {clock.Elapsed.TotalSeconds - fit:0.00} s ({bytes.Length / 1024.0 / 1024:0.0} MiB), "
                + $"{(first is null || day != april ? "" : first.AsSpan().SequenceEqual(bytes) ? "same bytes as the first fit" : "DIFFERENT BYTES from the first fit")}");
            if (day == april) first ??= bytes;
        }
        var loading = Stopwatch.StartNew();
        var model = (await models.TryReadAsync(april, CancellationToken.None))!.Model;
        Console.WriteLine($"stored model of {april:yyyy-MM-dd} loaded in {loading.Elapsed.TotalMilliseconds:0} ms");

        var at = april.AddDays(14).AddHours(6.5);
        var network = await Reader().NetworkAtAsync(at);
        var before = await Reader().NetworkAtAsync(at - Trend.Lookback);
        var times = new List<double>();
        for (var run = 0; run < 200; run++)
        {
            var started = Stopwatch.GetTimestamp();
            var forecasts = NetworkForecaster.Forecast(model, network, at, TimeSpan.FromMinutes(30), before);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (run == 0) Console.WriteLine($"forecast at {at:O}: {forecasts.Length:N0} stations, {forecasts.Count(f => f.Reason is null):N0} with odds, first (cold) {times[0]:0.0} ms");
        }
        var warm = times.Skip(10).Order().ToList();
        Console.WriteLine($"forecast for every station, warm ({warm.Count} runs): median {warm[warm.Count / 2]:0.00} ms, p99 {warm[warm.Count * 99 / 100]:0.00} ms, max {warm[^1]:0.00} ms");

        await ScoreAsync(status, model, april, $"{ForecastFitter.Window.TotalDays:0} days");
        // The issue's minimum window, for comparison: fewer months give thinner per-station corrections.
        var shorter = await new ForecastFitter(Reader(), TimeSpan.FromDays(90)).FitAsync(april, CancellationToken.None);
        await ScoreAsync(status, shorter.Model, april, "90 days");
    }

    private static async Task ScoreAsync(string status, StockModel model, DateTime april, string window)
    {
        var inputs = await ImportInputs.ReadAsync([status], SilentObserver.Instance, CancellationToken.None);
        var pairs = StockPairs.From(inputs.Observations);
        var baselines = Baselines.Fit([.. pairs.Where(p => p.AtUtc + p.Horizon <= april)]);
        var scores = Scored.ToDictionary(t => t, _ => (Model: new Score(), Calibrated: new Score()));
        foreach (var p in pairs.Where(p => p.AtUtc >= april && p.Horizon >= TimeSpan.FromMinutes(40) && p.Horizon <= TimeSpan.FromMinutes(90)))
        {
            foreach (var target in Scored)
            {
                var k = p.Now.Of(target);
                if (k > 2) continue;
                var y = p.Next.Of(target) > 0 ? 1 : 0;
                scores[target].Model.Add(model.Probability(p.StationId, target, k, p.AtUtc, p.Horizon, p.Before?.Of(target)), y);
                scores[target].Calibrated.Add(baselines.Calibrated(target, k), y);
            }
        }
        Console.WriteLine($"lake-fitted model of 2026-04-01 ({window}) on April, low stock (count now <= 2): Brier model / calibrated persistence = ratio");
        foreach (var (target, (m, c)) in scores)
        {
            Console.WriteLine($"  {target,-8} n={m.Count,8:N0}  {m.Brier:0.0000} / {c.Brier:0.0000} = {m.Brier / c.Brier:0.000}");
        }
    }
}
