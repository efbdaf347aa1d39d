namespace Velib.Tests.Support;

/// <summary>Files of this repository, found by walking up from the test binaries.</summary>
public static class RepoPaths
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Velib.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Velib.sln not found above " + AppContext.BaseDirectory);
    }
}
