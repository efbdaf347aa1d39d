namespace Velib.Benchmarks;

/// <summary>The shared data folder beside the repository (BenchmarkDotNet runs from its own build folder).</summary>
internal static class SharedFolder
{
    public static string Find()
    {
        if (Environment.GetEnvironmentVariable("VELIB_SHARED") is { Length: > 0 } configured) return configured;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "shared", "data", "velib"))) return Path.Combine(dir.FullName, "shared");
        }
        throw new DirectoryNotFoundException("The shared data folder (../shared beside the repository) was not found; set VELIB_SHARED.");
    }
}
