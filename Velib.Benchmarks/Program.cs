// Velib benchmarks. Run in Release:
//   dotnet run -c Release --project Velib.Benchmarks -- --bdn --filter '*'   BenchmarkDotNet: parser against its floor, ingest cycles
//   dotnet run -c Release --project Velib.Benchmarks                       archive size of a simulated day
using BenchmarkDotNet.Running;
using Velib.Benchmarks;

if (args.Contains("--bdn"))
{
    BenchmarkSwitcher.FromAssembly(typeof(ParseBenchmarks).Assembly).Run([.. args.Where(a => a != "--bdn")]);
    return;
}
Console.WriteLine($"Velib archive size benchmark ({Environment.ProcessorCount} cores)");
await ArchiveSizeBenchmark.RunAsync();
