// Velib benchmarks. Run in Release:
//   dotnet run -c Release --project Velib.Benchmarks -- --bdn --filter '*'   BenchmarkDotNet: parser against its floor, ingest cycles
//   dotnet run -c Release --project Velib.Benchmarks                       archive size of a simulated day
//   dotnet run -c Release --project Velib.Benchmarks -- --cycles 60    ingest cycles in a loop for 60 s, to profile (dotnet-trace collect -- …)
//   dotnet run -c Release --project Velib.Benchmarks -- --lake             time travel over a 7-day simulated lake (needs node, npm ci in Velib.AppHost/s3rver)
//   dotnet run -c Release --project Velib.Benchmarks -- --forecast --train-until 2026-04-01 --test-until 2026-05-01   forecast scores on the shared history
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
if (Array.IndexOf(args, "--cycles") is var at and >= 0)
{
    // One process in a steady state, for a profiler: BenchmarkDotNet's runs mix setup, pilot and teardown in.
    var seconds = at + 1 < args.Length ? int.Parse(args[at + 1], System.Globalization.CultureInfo.InvariantCulture) : 60;
    var bench = new CycleBenchmarks { Stations = 1_500, Changed = -1, Store = args.Contains("--memory") ? "memory" : "garnet" };
    await bench.Setup();
    var clock = System.Diagnostics.Stopwatch.StartNew();
    var times = new List<double>();
    while (clock.Elapsed.TotalSeconds < seconds)
    {
        var started = clock.Elapsed;
        await bench.Cycle();
        times.Add((clock.Elapsed - started).TotalMilliseconds);
    }
    times.Sort();
    Console.WriteLine($"{times.Count} cycles of 1,500 changed stations on {bench.Store}: median {times[times.Count / 2]:0.0} ms, p90 {times[times.Count * 9 / 10]:0.0} ms");
    await bench.Cleanup();
    return;
}
Console.WriteLine($"Velib archive size benchmark ({Environment.ProcessorCount} cores)");
await ArchiveSizeBenchmark.RunAsync();
