using Microsoft.Extensions.Diagnostics.HealthChecks;
using Velib.Tests.Support;
using Velib.Store;

namespace Velib.Tests.Store;

/// <summary>A client with the wrong store password is told so, in health and logs, without the secret, and keeps trying.</summary>
[Integration]
public sealed class StorePasswordClientTests
{
    private const string Password = "right-horse-battery-staple-3f9c1e";
    private const string WrongPassword = "wrong-horse-battery-staple-77a0d2";

    [Fact]
    public async Task A_wrong_password_makes_the_store_check_fail_saying_so_and_neither_health_nor_logs_hold_a_password()
    {
        using var store = new TestStore([.. StoreArguments.With([], name => name == StoreArguments.PasswordVariable ? Password : null)]);
        await using var client = new StoreClient($"127.0.0.1:{store.Port},password={WrongPassword},abortConnect=false,connectTimeout=2000");
        _ = client.Connection;

        var health = await client.HealthWhen(h => h.Description?.Contains("refused the password", StringComparison.Ordinal) == true,
            TimeSpan.FromSeconds(60), "the store check never said the password was refused");

        Assert.Equal(HealthStatus.Degraded, health.Status);
        Assert.Contains($"127.0.0.1:{store.Port}", health.Description);
        Assert.Contains(client.Logs.Lines, l => l.Contains("refused the password", StringComparison.Ordinal));
        foreach (var secret in new[] { Password, WrongPassword })
        {
            Assert.DoesNotContain(secret, health.Description);
            Assert.DoesNotContain(client.Logs.Lines, l => l.Contains(secret, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task The_right_password_connects_and_the_store_check_is_healthy()
    {
        using var store = new TestStore([.. StoreArguments.With([], name => name == StoreArguments.PasswordVariable ? Password : null)]);
        await using var client = new StoreClient($"127.0.0.1:{store.Port},password={Password},abortConnect=false,connectTimeout=2000");

        await client.Connection.GetDatabase().PingAsync();
        var health = await client.StoreHealthAsync();

        Assert.Equal(HealthStatus.Healthy, health.Status);
        Assert.DoesNotContain(Password, health.Description);
    }
}
