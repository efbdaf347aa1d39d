using System.Diagnostics;
using Velib.Tests.Support;

namespace Velib.Tests.Map;

/// <summary>
/// The rider page's pure rules (search, filters, nearest stations, totals, alerts) live in the page's JavaScript
/// (Velib.Web/wwwroot/js/velib-search.js and velib-alerts.js); their tests are node's (Map/js/*.test.mjs), run here so
/// that one test run covers them. A failure shows node's own report.
/// </summary>
[Unit]
public sealed class PageRulesTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_page_rules_pass_their_node_tests()
    {
        var folder = Path.Combine(RepoPaths.Root, "Velib.Tests", "Map", "js");
        var files = Directory.GetFiles(folder, "*.test.mjs").Order(StringComparer.Ordinal).ToArray();
        Assert.True(files.Length >= 2, $"expected the node tests in {folder}, found {files.Length}");

        var start = new ProcessStartInfo("node") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("--test");
        start.ArgumentList.Add("--test-reporter=tap");
        foreach (var file in files) start.ArgumentList.Add(Path.GetFileName(file));
        using var node = Process.Start(start)!;
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            await node.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            node.Kill(entireProcessTree: true);
            Assert.Fail($"node --test did not finish in {Patience.TotalSeconds:0} s:\n{await output}\n{await errors}");
        }

        var report = await output + "\n" + await errors;
        Assert.True(node.ExitCode == 0, $"node --test failed (exit {node.ExitCode}):\n{report}");
        Assert.Contains("# fail 0", report);
        Assert.DoesNotContain("# pass 0", report);
    }
}
