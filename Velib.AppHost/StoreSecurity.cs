using Microsoft.Extensions.Configuration;

namespace Velib.AppHost;

/// <summary>
/// The local Garnet's password and listening address. The password is an Aspire secret parameter, generated on the
/// first run and kept in the AppHost's user secrets (<c>Parameters:store-password</c>); the store gets it in its
/// environment, the silos and the web inside the connection string, and no other process at all.
/// </summary>
internal static class StoreSecurity
{
    public const string PasswordParameter = "store-password";

    /// <summary>The store reads it (Velib.Store/StoreArguments.cs) and adds it to Garnet's options.</summary>
    public const string PasswordVariable = "Velib__Store__Password";

    /// <summary>Loopback unless <c>Velib:Store:Bind</c> names an address: other hosts reach the store only when told to.</summary>
    public static string Bind(IConfiguration configuration) =>
        configuration["Velib:Store:Bind"] is { Length: > 0 } bind ? bind : "127.0.0.1";

    /// <summary>Where this host's clients connect: the bound address, or loopback when the store listens on every address.</summary>
    public static string ClientHost(IConfiguration configuration) =>
        Bind(configuration) is "0.0.0.0" or "::" or "*" ? "127.0.0.1" : Bind(configuration);

    public static IResourceBuilder<ParameterResource> AddStorePassword(this IDistributedApplicationBuilder builder) =>
        // Letters and digits only: the connection string is comma-separated, and no escaping is then needed.
        builder.AddParameter(PasswordParameter, new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true, persist: true);
}
