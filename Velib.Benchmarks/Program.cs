// Velib benchmarks. Run in Release:
//   dotnet run -c Release --project Velib.Benchmarks -- --bdn --filter '*'   BenchmarkDotNet: parser against its floor, ingest cycles
//   dotnet run -c Release --project Velib.Benchmarks                       archive size of a simulated day
//   dotnet run -c Release --project Velib.Benchmarks -- --cycles 60    CallsOnly then ingest cycles, each in a loop for 60 s (--stations N, --changed N, --memory), to profile (dotnet-trace collect -- …)
//   dotnet run -c Release --project Velib.Benchmarks -- --lake             time travel over a 7-day simulated lake (needs node, npm ci in Velib.AppHost/s3rver)
//   dotnet run -c Release --project Velib.Benchmarks -- --forecast --train-until 2026-04-01 --test-until 2026-05-01   forecast scores on the shared history
//   dotnet run -c Release --project Velib.Benchmarks -- --forecast --daily ...   the same, with the model of each test day refitted on the pairs before it, as the API does
//   dotnet run -c Release --project Velib.Benchmarks -- --s3-outage-hours 48   S3 down for 48 h of Paris: the spool's bytes, the catch-up, exactly once
//   dotnet run -c Release --project Velib.Benchmarks -- --forecast --sweep   the same split for several fitting settings (calibrator, trends), one line each
//   bench/forecast-rehearsal.sh                                           issue 20's acceptance through a running app's API: months imported by the command line, forecasts at April's instants scored
//   dotnet run -c Release --project Velib.Benchmarks -- --months 1         a month of Paris through the grains into Velib.Store, on a simulated clock; restart at the end
//   dotnet run -c Release --project Velib.Benchmarks -- --refit            the daily refit from the imported lake, the forecast for every station, the lake-fitted model's scores
//   dotnet run -c Release --project Velib.Benchmarks -- --import           the shared history imported into a private s3rver, then a month's timeline
using BenchmarkDotNet.Running;
using Velib.Benchmarks;
using Velib.Benchmarks.Lake;

if (args.Contains("--bdn"))
{
    BenchmarkSwitcher.FromAssembly(typeof(ParseBenchmarks).Assembly).Run([.. args.Where(a => a != "--bdn")]);
    return;
}
if (args.Contains("--lake"))
{
    // Cold against warm caches is the point here, so one timed run rather than BenchmarkDotNet's steady state.
    Console.WriteLine($"Velib lake time-travel benchmark ({Environment.ProcessorCount} cores)");
    await LakeBenchmark.RunAsync();
    return;
}
if (args.Contains("--refit"))
{
    Console.WriteLine($"Velib forecast refit and forecast benchmark ({Environment.ProcessorCount} cores)");
    await Velib.Benchmarks.Forecast.RefitBenchmark.RunAsync();
    return;
}
if (Option("--rehearse") is { } web)
{
    // Issue 20's acceptance against a running app (bench/forecast-rehearsal.sh starts it): --instants N (30), --config C (Release).
    Console.WriteLine($"Velib forecast rehearsal through the API ({Environment.ProcessorCount} cores)");
    await Velib.Benchmarks.Forecast.ApiRehearsal.RunAsync(new Uri(web), Option("--config") ?? "Release",
        Option("--instants") is { } n ? int.Parse(n, System.Globalization.CultureInfo.InvariantCulture) : 30);
    return;
}
if (args.Contains("--forecast"))
{
    Console.WriteLine($"Velib forecast evaluation ({Environment.ProcessorCount} cores)");
    await Velib.Benchmarks.Forecast.ForecastEvaluation.RunAsync(args);
    return;
}
if (args.Contains("--import"))
{
    Console.WriteLine($"Velib import benchmark ({Environment.ProcessorCount} cores)");
    await ImportBenchmark.RunAsync();
    return;
}
if (Option("--s3-outage-hours") is { } outage)
{
    // A long S3 outage at Paris rates through the real grains and Velib.Store; --poll-seconds S (60) as for --months.
    var poll = TimeSpan.FromSeconds(Option("--poll-seconds") is { } p ? int.Parse(p, System.Globalization.CultureInfo.InvariantCulture) : 60);
    Console.WriteLine($"Velib S3 outage benchmark ({Environment.ProcessorCount} cores)");
    await Velib.Benchmarks.Months.MonthsOutage.RunAsync(int.Parse(outage, System.Globalization.CultureInfo.InvariantCulture), poll);
    return;
}
if (Array.IndexOf(args, "--months") is var months and >= 0)
{
    // --months N is N × 30 days; --days D instead, for a shorter look; --poll-seconds S (60) is the poll interval; --keep keeps the store's folder.
    var days = Option("--days") is { } d ? int.Parse(d, System.Globalization.CultureInfo.InvariantCulture)
        : 30 * int.Parse(args[months + 1], System.Globalization.CultureInfo.InvariantCulture);
    var poll = TimeSpan.FromSeconds(Option("--poll-seconds") is { } p ? int.Parse(p, System.Globalization.CultureInfo.InvariantCulture) : 60);
    Console.WriteLine($"Velib months benchmark ({Environment.ProcessorCount} cores, server GC {System.Runtime.GCSettings.IsServerGC})");
    await Velib.Benchmarks.Months.MonthsBenchmark.RunAsync(days, poll, args.Contains("--keep"));
    return;
}
if (Array.IndexOf(args, "--cycles") is var at and >= 0)
{
    // One process in a steady state, for a profiler: BenchmarkDotNet's runs mix setup, pilot and teardown in.
    // --stations N (1,500) and --changed N (-1: all) as the benchmark's parameters; the CallsOnly floor runs first, as
    // long (after the cycles its GetDetail calls would copy histories thousands of changes long).
    var seconds = at + 1 < args.Length ? int.Parse(args[at + 1], System.Globalization.CultureInfo.InvariantCulture) : 60;
    var stations = Option("--stations") is { } n ? int.Parse(n, System.Globalization.CultureInfo.InvariantCulture) : 1_500;
    var changed = Option("--changed") is { } c ? int.Parse(c, System.Globalization.CultureInfo.InvariantCulture) : -1;
    var bench = new CycleBenchmarks { Stations = stations, Changed = changed, Store = args.Contains("--memory") ? "memory" : "garnet" };
    await bench.Setup();
    Console.WriteLine($"{stations:N0} stations, {(changed < 0 ? stations : changed):N0} changed, store {bench.Store}, server GC {System.Runtime.GCSettings.IsServerGC}");
    foreach (var (name, run) in new (string, Func<Task<int>>)[] { ("CallsOnly", bench.CallsOnly), ("Cycle", bench.Cycle) })
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var times = new List<double>();
        while (clock.Elapsed.TotalSeconds < seconds || times.Count < 5)
        {
            var started = clock.Elapsed;
            await run();
            times.Add((clock.Elapsed - started).TotalMilliseconds);
        }
        times.Sort();
        Console.WriteLine($"{name}: {times.Count} runs, median {times[times.Count / 2]:0.0} ms, p90 {times[times.Count * 9 / 10]:0.0} ms, min {times[0]:0.0} ms");
    }
    await bench.Cleanup();
    return;
}
Console.WriteLine($"Velib archive size benchmark ({Environment.ProcessorCount} cores)");
await ArchiveSizeBenchmark.RunAsync();

string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
