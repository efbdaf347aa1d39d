using Aspire.Hosting.Testing;
using StackExchange.Redis;
using Velib.Tests.Support;

namespace Velib.Tests.Integration;

/// <summary>The local Garnet asks for the generated password; the silos and the web connect with it.</summary>
[Integration]
[Collection(AppHostCollection.Name)]
public sealed class StorePasswordTests(AppHostFixture fixture)
{
    [Fact]
    public async Task The_store_refuses_a_client_without_the_password_and_serves_one_with_it()
    {
        var port = fixture.App.GetEndpoint("garnet", "tcp").Port;
        var password = await StorePassword.OfRunningStore(fixture.Host);

        await using (var anonymous = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{port},abortConnect=false,connectTimeout=3000"))
        {
            var refused = await Assert.ThrowsAnyAsync<RedisException>(() => anonymous.GetDatabase().StringGetAsync("velib-probe"));
            Assert.Contains("NOAUTH", refused.ToString(), StringComparison.OrdinalIgnoreCase);
        }
        await using var client = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{port},password={password},abortConnect=false,connectTimeout=3000");
        Assert.True(client.IsConnected);
        await client.GetDatabase().PingAsync();
    }
}
