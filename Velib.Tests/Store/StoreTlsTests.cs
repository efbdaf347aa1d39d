using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Velib.Tests.Support;
using Velib.ServiceDefaults;

namespace Velib.Tests.Store;

/// <summary>TLS to the store by configuration: <c>ssl=true</c>, and the store's own certificate trusted by path.</summary>
[Integration]
public sealed class StoreTlsTests
{
    [Fact]
    public async Task A_store_with_a_self_signed_certificate_is_reached_over_tls_once_that_certificate_is_trusted()
    {
        using var certificate = new SelfSignedCertificate();
        using var store = new TestStore(certificate.GarnetOptions);
        await using var client = new StoreClient($"127.0.0.1:{store.Port},ssl=true,abortConnect=false,connectTimeout=3000",
            new Dictionary<string, string?> { [StoreTls.TrustedCertificateKey] = certificate.PemPath });

        await client.Connection.GetDatabase().StringSetAsync("velib-tls-probe", "ok");

        Assert.Equal("ok", (string?)await client.Connection.GetDatabase().StringGetAsync("velib-tls-probe"));
        Assert.Equal(HealthStatus.Healthy, (await client.StoreHealthAsync()).Status);
    }

    [Fact]
    public async Task Without_trusting_its_certificate_the_client_does_not_connect_and_says_the_TLS_handshake_failed()
    {
        using var certificate = new SelfSignedCertificate();
        using var store = new TestStore(certificate.GarnetOptions);
        await using var client = new StoreClient($"127.0.0.1:{store.Port},ssl=true,abortConnect=false,connectTimeout=3000");

        var health = await client.HealthWhen(h => h.Description?.Contains("TLS handshake", StringComparison.Ordinal) == true,
            TimeSpan.FromSeconds(30), "the store check never said the TLS handshake failed");

        Assert.False(client.Connection.IsConnected);
        Assert.Equal(HealthStatus.Degraded, health.Status);
    }

    [Fact]
    public void A_trusted_certificate_without_ssl_in_the_connection_string_stops_the_start_with_the_reason()
    {
        var options = StackExchange.Redis.ConfigurationOptions.Parse("127.0.0.1:6379");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [StoreTls.TrustedCertificateKey] = "/nonexistent.crt" }).Build();

        Action configure = () => StoreTls.Configure(options, configuration);
        var error = Assert.Throws<InvalidOperationException>(configure);

        Assert.Contains("ssl=true", error.Message);
    }
}
