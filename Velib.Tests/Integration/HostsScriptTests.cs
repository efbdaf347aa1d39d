using System.Diagnostics;
using System.Text;
using Velib.Tests.Support;
using Xunit.Abstractions;

namespace Velib.Tests.Integration;

/// <summary>
/// bench/hosts.sh as a test: the store, S3, three silos and two webs, each in its own network namespace, from the
/// published build, through a kill -9, a 60 s partition and a 30 s store cut, with the archive checked at the end.
/// The script's exit code is its verdict (0 when every check passed); its figures go to the test output.
/// </summary>
[Hosts]
[Collection(HostsCollection.Name)]
public sealed class HostsScriptTests(ITestOutputHelper output)
{
    // Publish (from the solution's build) about 1 min, the run about 2.5 min; beyond this something hangs.
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(6);

    [HostsFact]
    public async Task The_cluster_on_separate_hosts_survives_a_kill_a_partition_and_a_store_cut_with_an_exact_archive()
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(RepoPaths.Root, "bench", "hosts.sh")])
        {
            WorkingDirectory = RepoPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        // The test binaries' configuration is built already (test.sh builds the solution first): publish that.
#if DEBUG
        start.Environment["HOSTS_CONFIGURATION"] = "Debug";
#else
        start.Environment["HOSTS_CONFIGURATION"] = "Release";
#endif
        start.Environment["HOSTS_NO_BUILD"] = "1";
        // Not the subnet of a hand run of the script (10.231.21), which may be going on beside the tests.
        start.Environment["HOSTS_SUBNET"] = "10.231.22";
        if (SharedData.Root is { } shared) start.Environment["VELIB_SHARED"] = shared;
        var log = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // SIGTERM: the script's trap removes its namespaces, its bridge and everything it started.
            Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
            if (!process.WaitForExit(TimeSpan.FromSeconds(90))) process.Kill(entireProcessTree: true);
        }
        process.WaitForExit(); // the last lines of output
        string text;
        lock (log) text = log.ToString();
        output.WriteLine(text);
        Assert.False(timeout.IsCancellationRequested, $"bench/hosts.sh did not finish within {Limit.TotalMinutes} min:\n{text}");
        Assert.True(process.ExitCode == 0, $"bench/hosts.sh exited with {process.ExitCode} (1: a check failed, 2: it could not run):\n{text}");
        Assert.Contains("== 0 check(s) failed", text);
    }
}
