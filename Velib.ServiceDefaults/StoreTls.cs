using Microsoft.Extensions.Configuration;
using StackExchange.Redis;

namespace Velib.ServiceDefaults;

/// <summary>
/// TLS to the store: <c>ssl=true</c> in <c>ConnectionStrings:store</c> turns it on (StackExchange.Redis). A store whose
/// certificate is not signed by a CA the machine trusts (a self-signed one, a private CA) is trusted through
/// <c>Velib:Store:TrustedCertificate</c>, the path of that certificate (PEM or DER), and nothing else is accepted.
/// </summary>
public static class StoreTls
{
    public const string TrustedCertificateKey = "Velib:Store:TrustedCertificate";

    public static void Configure(ConfigurationOptions options, IConfiguration configuration)
    {
        if (configuration[TrustedCertificateKey] is not { Length: > 0 } path) return;
        if (!options.Ssl)
        {
            throw new InvalidOperationException($"{TrustedCertificateKey} is set but ConnectionStrings:{StoreConnection.Name} has no ssl=true: the certificate would never be used.");
        }
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{TrustedCertificateKey}: no certificate at '{path}'.");
        }
        options.TrustIssuer(path);
    }
}
