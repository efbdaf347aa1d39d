using System.Text.RegularExpressions;
using Velib.Tests.Support;

namespace Velib.Tests.Docs;

/// <summary>
/// The README and docs/ link to each other by relative paths and heading anchors; a moved file or a renamed heading
/// would leave a reader at a dead end without this.
/// </summary>
[Unit]
public sealed partial class DocLinksTests
{
    [Fact]
    public void Every_relative_link_in_the_readme_and_the_docs_names_a_file_and_a_heading_that_exist()
    {
        var files = Directory.GetFiles(Path.Combine(RepoPaths.Root, "docs"), "*.md").Prepend(Path.Combine(RepoPaths.Root, "README.md")).ToList();
        var links = files.SelectMany(file => Link().Matches(CodeBlock().Replace(File.ReadAllText(file), ""))
            .Select(m => (File: file, Target: m.Groups[1].Value))
            .Where(l => !Scheme().IsMatch(l.Target))).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, link =>
        {
            var (path, anchor) = link.Target.Split('#', 2) is [var p, var a] ? (p, a) : (link.Target, null);
            var target = path.Length == 0 ? link.File : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(link.File)!, path));
            var from = Path.GetRelativePath(RepoPaths.Root, link.File);
            Assert.True(File.Exists(target), $"{from} links to {link.Target}, which is not a file");
            if (anchor is not null && target.EndsWith(".md", StringComparison.Ordinal))
            {
                Assert.True(Anchors(target).Contains(anchor), $"{from} links to {link.Target}, whose heading does not exist");
            }
        });
    }

    /// <summary>GitHub's anchors: the heading in lower case, punctuation dropped, spaces as hyphens.</summary>
    private static HashSet<string> Anchors(string file) =>
    [
        .. File.ReadLines(file).Select(line => Heading().Match(line)).Where(m => m.Success)
            .Select(m => Punctuation().Replace(m.Groups[1].Value.Trim().ToLowerInvariant(), "").Replace(' ', '-')),
    ];

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex("```.*?```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex("^[a-z]+:")]
    private static partial Regex Scheme();

    [GeneratedRegex("^#{1,6} (.*)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"[^\w\- ]")]
    private static partial Regex Punctuation();
}
