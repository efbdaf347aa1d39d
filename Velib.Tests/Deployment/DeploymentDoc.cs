using System.Text.RegularExpressions;
using Velib.Tests.Support;

namespace Velib.Tests.Deployment;

/// <summary>The "Deployment" section of docs/operations.md: its table of variables per process, and its commands.</summary>
public static partial class DeploymentDoc
{
    public static string Section { get; } = ReadSection();

    /// <summary>(process, variable, required) for every row of the table; a row may name several variables.</summary>
    public static IReadOnlyList<(string Process, string Variable, bool Required)> Rows { get; } =
    [
        .. Section.Split('\n').Select(line => Row().Match(line)).Where(m => m.Success)
            .SelectMany(m => Name().Matches(m.Groups["names"].Value)
                .Select(n => (m.Groups["process"].Value, n.Groups[1].Value, m.Groups["required"].Value == "yes"))),
    ];

    private static string ReadSection()
    {
        var doc = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "operations.md"));
        var start = doc.IndexOf("\n## Deployment\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/operations.md has no '## Deployment' section");
        var end = doc.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        return doc[start..(end < 0 ? doc.Length : end)];
    }

    [GeneratedRegex(@"^\| (?<process>store|silo|web) \| (?<names>[^|]+) \| (?<required>[^|]+) \|")]
    private static partial Regex Row();

    [GeneratedRegex(@"`([A-Za-z0-9_]+)`")]
    private static partial Regex Name();
}
