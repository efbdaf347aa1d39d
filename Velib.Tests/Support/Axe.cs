using System.Text.Json;
using Microsoft.Playwright;

namespace Velib.Tests.Support;

/// <summary>axe-core (from Velib.Tests/node_modules, installed by test.sh) run in a page on the WCAG 2.1 A and AA rules.</summary>
public static class Axe
{
    public static readonly string[] Wcag21AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    private static readonly string Script = Path.Combine(RepoPaths.Root, "Velib.Tests", "node_modules", "axe-core", "axe.min.js");

    // Only what a failure message needs crosses back from the page: axe's full result is large.
    private const string Run = """
        async tags => {
            const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
            return result.violations.map(v => ({
                id: v.id, impact: v.impact ?? '', help: v.help,
                targets: v.nodes.map(n => n.target.join(' ') + ' :: ' + (n.failureSummary ?? '').replaceAll('\n', ' ')),
            }));
        }
        """;

    public static async Task<AxeViolation[]> ViolationsAsync(IPage page)
    {
        if (!File.Exists(Script))
        {
            throw new FileNotFoundException("axe-core is missing: run `npm ci` in Velib.Tests (test.sh does).", Script);
        }
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.AddScriptTagAsync(new() { Path = Script });
        }
        var found = await page.EvaluateAsync<JsonElement>(Run, Wcag21AA);
        return [.. found.EnumerateArray().Select(v => new AxeViolation(v.GetProperty("id").GetString()!, v.GetProperty("impact").GetString()!,
            v.GetProperty("help").GetString()!, [.. v.GetProperty("targets").EnumerateArray().Select(t => t.GetString()!)]))];
    }

    /// <summary>Fails with every violation's rule, help and elements, so that the message alone says what to fix.</summary>
    public static async Task AssertNoViolationAsync(IPage page, string where)
    {
        var violations = await ViolationsAsync(page);
        Assert.True(violations.Length == 0,
            $"axe-core found {violations.Length} WCAG 2.1 A/AA violation(s) on {where}:\n" + string.Join("\n", violations.Select(v => v.ToString())));
    }
}
