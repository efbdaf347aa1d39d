namespace Velib.Tests.Support;

/// <summary>
/// The real feed files live in the shared folder beside the repository (they may not be copied into it).
/// Found by walking up from the test binaries, or from <c>VELIB_SHARED</c>.
/// </summary>
public static class SharedData
{
    public static string? Root { get; } = Find();

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string Velib(params string[] parts) => Path.Combine([Require(), "data", "velib", .. parts]);

    public static string Schema(params string[] parts) => Path.Combine([Require(), "data", "gbfs-schema", .. parts]);

    public static byte[] Bytes(string path) => File.ReadAllBytes(path);

    private static string Require() => Root ?? throw new InvalidOperationException(
        "The shared data folder (../shared/data beside the repository) was not found; CI must provide it.");

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable("VELIB_SHARED") is { Length: > 0 } configured && Directory.Exists(configured))
        {
            return configured;
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "data", "velib")))
            {
                return candidate;
            }
        }
        return null;
    }
}
