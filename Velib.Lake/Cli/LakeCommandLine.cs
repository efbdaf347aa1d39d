using System.CommandLine;

namespace Velib.Lake.Cli;

/// <summary>The commands of <c>dotnet run --project Velib.Lake -- …</c>.</summary>
public static class LakeCommandLine
{
    public static RootCommand Build()
    {
        var root = new RootCommand("Velib's data lake: import history into it.");
        return root;
    }
}
