using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Velib.Store.Launch;
using Velib.Tests.Support;
using Velib.ServiceDefaults;

namespace Velib.Tests.Store;

/// <summary>What a script that starts the store by hand (bench/hosts.sh) asks the store for, instead of a copy of it.</summary>
[Integration]
public sealed class StoreCommandLineTests
{
    [Fact]
    public async Task The_store_prints_the_command_line_the_AppHost_builds_for_an_address_a_port_and_a_folder()
    {
        var start = new ProcessStartInfo("dotnet", [StoreProcess.Dll(), "print-garnet-args", "10.231.7.2", "6479", "/var/lib/velib/garnet"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var store = Process.Start(start)!;
        var printed = store.StandardOutput.ReadToEndAsync();
        var errors = store.StandardError.ReadToEndAsync();
        await Task.WhenAll(printed, errors, store.WaitForExitAsync()).Within(TimeSpan.FromMinutes(1), "the store never exited after printing its command line");

        Assert.True(store.ExitCode == 0, $"the store exited with {store.ExitCode}: {await errors}");
        Assert.Equal(GarnetArguments.For(6479, "/var/lib/velib/garnet", bind: "10.231.7.2"), (await printed).Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
