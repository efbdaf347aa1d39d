using System.Diagnostics;

namespace Velib.Tests.Integration;

/// <summary>Whether this machine lets the tests create Linux network namespaces (root, and <c>ip netns</c> that works).</summary>
public static class NetworkNamespaces
{
    private static readonly Lazy<string?> Missing = new(Probe);

    /// <summary>Why network namespaces cannot be used here, or null when they can.</summary>
    public static string? WhyUnavailable => Missing.Value;

    private static string? Probe()
    {
        if (!OperatingSystem.IsLinux()) return "network namespaces are Linux only";
        if (Environment.UserName != "root") return $"creating network namespaces needs root; the tests run as {Environment.UserName}";
        var name = $"velib-probe-{Environment.ProcessId}";
        var (added, error) = Run("ip", "netns", "add", name);
        if (!added) return $"'ip netns add' failed here: {error}";
        Run("ip", "netns", "del", name);
        return null;
    }

    private static (bool Ok, string Error) Run(params string[] command)
    {
        try
        {
            var start = new ProcessStartInfo(command[0]) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in command[1..]) start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit(10_000);
            return (process.HasExited && process.ExitCode == 0, error.Trim());
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (false, $"{command[0]}: {ex.Message}");
        }
    }
}
