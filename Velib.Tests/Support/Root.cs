using System.Diagnostics;

namespace Velib.Tests.Support;

/// <summary>Commands that only root may run (mounting a small tmpfs, for a full disk), for <see cref="RootFactAttribute"/> tests.</summary>
public static class Root
{
    public static async Task RunAsync(string file, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardError = true })!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', arguments)}: {error}");
    }
}
