using Velib.Store;

namespace Velib.Tests.Support;

/// <summary>The password the AppHost generated for the local Garnet, read from the store process's own environment.</summary>
public static class StorePassword
{
    public static async Task<string> OfRunningStore(VelibAppHost host)
    {
        var environment = (await File.ReadAllTextAsync($"/proc/{await host.PidOf("garnet")}/environ")).Split('\0');
        var prefix = StoreArguments.PasswordVariable + "=";
        var password = Assert.Single(environment, e => e.StartsWith(prefix, StringComparison.Ordinal))[prefix.Length..];
        Assert.True(password.Length >= 32, "the store's generated password is shorter than 32 characters");
        return password;
    }
}
