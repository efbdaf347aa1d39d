// Velib benchmarks. Run in Release:
//   dotnet run -c Release --project Velib.Benchmarks -- --bdn --filter '*'   BenchmarkDotNet: parser against its floor, ingest cycles
//   dotnet run -c Release --project Velib.Benchmarks                       ingest cycle and archive size (hand-timed)
using BenchmarkDotNet.Running;
using Velib.Benchmarks;

if (args.Contains("--bdn"))
{
    BenchmarkSwitcher.FromAssembly(typeof(ParseBenchmarks).Assembly).Run([.. args.Where(a => a != "--bdn")]);
    return;
}
var shared = SharedFolder.Find();
Console.WriteLine($"Velib benchmarks ({Environment.ProcessorCount} cores, shared data: {shared})");
await IngestCycleBenchmark.RunAsync(shared);
await ArchiveSizeBenchmark.RunAsync();
