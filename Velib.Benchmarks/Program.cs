// Velib benchmarks. Run in Release:
//   dotnet run -c Release --project Velib.Benchmarks -- --bdn --filter '*'   BenchmarkDotNet: parser against its floor, ingest cycles
//   dotnet run -c Release --project Velib.Benchmarks                       archive size of a simulated day
//   dotnet run -c Release --project Velib.Benchmarks -- --lake             time travel over a 7-day simulated lake (needs node, npm ci in Velib.AppHost/s3rver)
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
Console.WriteLine($"Velib archive size benchmark ({Environment.ProcessorCount} cores)");
await ArchiveSizeBenchmark.RunAsync();
