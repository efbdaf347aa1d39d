using System.Diagnostics;
using System.Globalization;
using Parquet.Serialization;
using Velib.Lake.Forecast;
using Velib.Lake.Import;

namespace Velib.Benchmarks.Forecast;

/// <summary>
/// <c>--rehearse URL</c> (through <c>bench/forecast-rehearsal.sh</c>, which starts the app): issue 20's acceptance
/// played on the shared history against a running app, over HTTP only. The history goes in as months, as a user
/// brings them: everything before April with the command-line import, April later. It checks that a forecast made at
/// an instant of March is the same before and after April is imported, that the network at random instants of April
/// is that moment's snapshot, times April's timeline, and scores <c>/api/stations/forecast?at=T&amp;horizon=gap</c> at
/// random April snapshots (the horizon the gap to the next one) on low stock against calibrated persistence fitted
/// on the pairs before April. April stands in for the unseen month.
/// </summary>
internal static class ApiRehearsal
{
    private static readonly DateTime April = new(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly ForecastTarget[] Scored = [ForecastTarget.Bikes, ForecastTarget.Ebike, ForecastTarget.Docks];

    public static async Task RunAsync(Uri web, string configuration, int instants)
    {
        var history = Path.Combine(SharedFolder.Find(), "data", "velib", "history");
        var inputs = await ImportInputs.ReadAsync([Path.Combine(history, "status-2025-11-10_2026-04-30.parquet")], SilentObserver.Instance, CancellationToken.None);
        var folder = Directory.CreateTempSubdirectory("velib-rehearsal-").FullName;
        try
        {
            var before = await WriteAsync(folder, "status-before-april.parquet", inputs.Observations.Where(o => o.ObservedUtc < April));
            var april = await WriteAsync(folder, "status-april.parquet", inputs.Observations.Where(o => o.ObservedUtc >= April));
            using var http = new HttpClient { BaseAddress = web, Timeout = TimeSpan.FromMinutes(5) };
            var api = new RehearsalApi(http);
            await ImportAsync(configuration, Path.Combine(history, "stations-2025-11-10_2026-04-30.parquet"), before);

            var snapshots = inputs.Observations.Select(o => o.ObservedUtc).Distinct().Order().ToList();
            var random = new Random(20);
            var march = Pick(random, snapshots.Where(t => t >= April.AddMonths(-1) && t < April.AddHours(-1)).ToList(), 3);
            var madeBefore = new List<string>();
            foreach (var t in march) madeBefore.Add(await api.ForecastJsonAsync(t, TimeSpan.FromHours(1)));
            await ImportAsync(configuration, april);
            var same = 0;
            for (var i = 0; i < march.Count; i++) same += await api.ForecastJsonAsync(march[i], TimeSpan.FromHours(1)) == madeBefore[i] ? 1 : 0;
            Console.WriteLine($"forecasts at {march.Count} instants of March, made before and after April was imported: {same} of {march.Count} identical");

            var aprilTimes = snapshots.Where(t => t >= April).ToList();
            await NetworkAtAsync(api, inputs.Observations, Pick(random, aprilTimes, 6));
            var timeline = Stopwatch.StartNew();
            var points = await api.TimelineAsync(April, April.AddDays(29), TimeSpan.FromHours(1));
            Console.WriteLine($"April's timeline at PT1H: {points} points in {timeline.Elapsed.TotalSeconds:0.00} s (cold; acceptance ≤ 5 s, goal ≤ 2 s)");

            var next = snapshots.Zip(snapshots.Skip(1)).ToDictionary(p => p.First, p => p.Second);
            var candidates = aprilTimes.Where(t => next.TryGetValue(t, out var n) && n - t >= TimeSpan.FromMinutes(5) && n - t <= TimeSpan.FromHours(3)).ToList();
            await ScoreAsync(api, inputs.Observations, Pick(random, candidates, instants), next);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task NetworkAtAsync(RehearsalApi api, IReadOnlyList<Observation> observations, IReadOnlyList<DateTime> times)
    {
        var byTime = observations.GroupBy(o => o.ObservedUtc).Where(g => times.Contains(g.Key)).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var t in times)
        {
            var shown = (await api.StationsAsync(t)).ToDictionary(s => s.Id);
            var differ = byTime[t].Count(o => !shown.TryGetValue(o.StationId, out var s)
                || (s.Mechanical, s.Ebike, s.Docks, s.Installed, s.Renting, s.Returning) != (o.Mechanical, o.Ebike, o.Docks, o.Installed, o.Renting, o.Returning));
            Console.WriteLine($"/api/stations?at={t:O}: {shown.Count:N0} stations, snapshot {byTime[t].Count:N0}; stations that differ: {differ}");
        }
    }

    private static async Task ScoreAsync(RehearsalApi api, IReadOnlyList<Observation> observations, IReadOnlyList<DateTime> times, Dictionary<DateTime, DateTime> next)
    {
        var pairs = StockPairs.From(observations);
        var baselines = Baselines.Fit([.. pairs.Where(p => p.AtUtc + p.Horizon <= April)]);
        var atTimes = times.ToHashSet();
        var asked = pairs.Where(p => atTimes.Contains(p.AtUtc)).GroupBy(p => p.AtUtc).ToDictionary(g => g.Key, g => g.ToDictionary(p => p.StationId));
        var scores = Scored.ToDictionary(t => t, _ => (Model: new Score(), Calibrated: new Score(), Hard: new Score()));
        var seconds = new List<double>();
        int noOdds = 0, countsDiffer = 0;
        foreach (var t in times)
        {
            var horizon = TimeSpan.FromSeconds(Math.Round((next[t] - t).TotalSeconds));
            var clock = Stopwatch.StartNew();
            var forecasts = await api.ForecastAsync(t, horizon);
            seconds.Add(clock.Elapsed.TotalSeconds);
            foreach (var f in forecasts)
            {
                if (!asked[t].TryGetValue(f.Id, out var pair)) continue;
                if (f.Bikes is null || f.Ebike is null || f.Docks is null) { noOdds++; continue; }
                foreach (var target in Scored)
                {
                    var k = pair.Now.Of(target);
                    if (k > 2) continue;
                    var y = pair.Next.Of(target) > 0 ? 1 : 0;
                    var p = target switch { ForecastTarget.Bikes => f.Bikes.Value, ForecastTarget.Ebike => f.Ebike.Value, _ => f.Docks.Value };
                    scores[target].Model.Add(p, y);
                    scores[target].Calibrated.Add(baselines.Calibrated(target, k), y);
                    scores[target].Hard.Add(Baselines.Hard(k), y);
                }
            }
            countsDiffer += asked[t].Count - forecasts.Count(f => asked[t].ContainsKey(f.Id));
        }
        seconds.Sort();
        Console.WriteLine($"/api/stations/forecast?at=T&horizon=gap at {times.Count} April snapshots ({times.Select(t => t.Date).Distinct().Count()} days, gaps "
            + $"{times.Min(t => next[t] - t).TotalMinutes:0}-{times.Max(t => next[t] - t).TotalMinutes:0} min): answered in median {seconds[seconds.Count / 2]:0.00} s, max {seconds[^1]:0.0} s "
            + $"(a day's first ask fits its model); stations in service without odds: {noOdds}; pairs missing from the answer: {countsDiffer}");
        Console.WriteLine("low stock (count now <= 2): Brier of the API's forecast / calibrated persistence fitted before April = ratio (hard persistence)");
        foreach (var (target, (model, calibrated, hard)) in scores)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {target,-8} n={model.Count,6:N0}  {model.Brier:0.0000} / {calibrated.Brier:0.0000} = {model.Brier / calibrated.Brier:0.000}  ({hard.Brier:0.0000}){(model.Brier < calibrated.Brier ? "" : "  NOT BELOW")}"));
        }
    }

    private static List<DateTime> Pick(Random random, IReadOnlyList<DateTime> times, int count) =>
        [.. times.OrderBy(_ => random.Next()).Take(count).Order()];

    private static async Task<string> WriteAsync(string folder, string name, IEnumerable<Observation> rows)
    {
        var path = Path.Combine(folder, name);
        await ParquetSerializer.SerializeAsync(rows.Select(StatusFileRow.Of), path);
        return path;
    }

    /// <summary>The import as a user runs it: the command line, with no S3 options, into the running app's s3rver.</summary>
    private static async Task ImportAsync(string configuration, params string[] paths)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Lake.LakeBenchmark.RepositoryRoot(), RedirectStandardOutput = true };
        foreach (var a in (string[])["run", "--no-build", "-c", configuration, "--project", "Velib.Lake", "--", "import", .. paths]) start.ArgumentList.Add(a);
        var clock = Stopwatch.StartNew();
        using var import = Process.Start(start)!;
        var output = await import.StandardOutput.ReadToEndAsync();
        await import.WaitForExitAsync();
        var summary = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
        if (import.ExitCode != 0) throw new InvalidOperationException($"the import of {string.Join(", ", paths.Select(Path.GetFileName))} exited {import.ExitCode}: {output}");
        Console.WriteLine($"imported {string.Join(", ", paths.Select(Path.GetFileName))} in {clock.Elapsed.TotalSeconds:0.0} s: {summary}");
    }
}
