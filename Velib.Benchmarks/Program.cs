// Velib benchmarks. Run in Release: dotnet run -c Release --project Velib.Benchmarks [-- <shared folder>]
using Velib.Benchmarks;

var shared = args.Length > 0 ? args[0] : Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../shared"));
Console.WriteLine($"Velib benchmarks ({(System.Diagnostics.Debugger.IsAttached ? "debugger" : "no debugger")}, {Environment.ProcessorCount} cores, shared data: {shared})");
await IngestCycleBenchmark.RunAsync(shared);
await ArchiveSizeBenchmark.RunAsync();
