using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Velib.Tests.Store;

/// <summary>A self-signed server certificate for 127.0.0.1 and localhost, written as PFX (for Garnet) and PEM (for clients).</summary>
public sealed class SelfSignedCertificate : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("velib-tls-");

    public SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=velib-store-test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        // Its own issuer: a client trusts it as the CA of the chain.
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.KeyCertSign, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        Password = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        PfxPath = Path.Combine(_folder.FullName, "store.pfx");
        PemPath = Path.Combine(_folder.FullName, "store.crt");
        File.WriteAllBytes(PfxPath, certificate.Export(X509ContentType.Pfx, Password));
        File.WriteAllText(PemPath, certificate.ExportCertificatePem());
    }

    /// <summary>Garnet's TLS options for it. Garnet asks clients for certificates of their own unless told not to.</summary>
    public string[] GarnetOptions => ["--tls", "--cert-file-name", PfxPath, "--cert-password", Password, "--client-certificate-required", "false"];

    public string PfxPath { get; }

    public string PemPath { get; }

    public string Password { get; }

    public void Dispose() => _folder.Delete(recursive: true);
}
