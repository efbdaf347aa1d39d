using System.CommandLine;

namespace Velib.Lake.Cli;

/// <summary>The commands of <c>dotnet run --project Velib.Lake -- …</c>.</summary>
public static class LakeCommandLine
{
    /// <summary>
    /// Settings in the AppHost's form (<c>--Velib:S3:ServiceUrl=…</c> or <c>--Velib:S3:ServiceUrl …</c>) go to
    /// configuration, the rest to System.CommandLine, which would otherwise take them for PATHs.
    /// </summary>
    public static Task<int> InvokeAsync(string[] args)
    {
        List<string> settings = [], rest = [];
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--Velib:", StringComparison.OrdinalIgnoreCase)) rest.Add(args[i]);
            else if (args[i].Contains('=') || i + 1 >= args.Length) settings.Add(args[i]);
            else settings.AddRange([args[i], args[++i]]);
        }
        RootCommand root = new("Velib's data lake.") { ImportCommand.Build(settings) };
        return root.Parse(rest).InvokeAsync();
    }
}
