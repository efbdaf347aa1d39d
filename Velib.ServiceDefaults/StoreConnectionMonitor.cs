using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Velib.ServiceDefaults;

/// <summary>
/// Why the store connection is down, for the health checks and the logs: a refused password is told apart from an
/// unreachable store. StackExchange.Redis keeps reconnecting by itself (AbortOnConnectFail is off) but raises no event
/// for those attempts, so while it is down a short probe connection (at most every 5 s) finds the reason. Only the
/// endpoint and the failure type are kept, never the connection string or an exception message, so that no password
/// reaches a log line or <c>/health</c>.
/// </summary>
public sealed partial class StoreConnectionMonitor(ILogger<StoreConnectionMonitor> logger, TimeProvider time)
{
    private static readonly TimeSpan ProbeEvery = TimeSpan.FromSeconds(5);
    private readonly SemaphoreSlim _probing = new(1, 1);
    private ConfigurationOptions? _options;
    private DateTimeOffset _probed = DateTimeOffset.MinValue;
    private volatile string? _failure;

    internal void Attach(IConnectionMultiplexer connection, ConfigurationOptions options)
    {
        _options = options.Clone();
        connection.ConnectionRestored += (_, e) =>
        {
            _failure = null;
            Restored(logger, StoreConnection.Describe(e.EndPoint));
        };
    }

    /// <summary>The reason the store is not connected, probing for it when the last probe is older than 5 s.</summary>
    public async Task<string> DiagnoseAsync(CancellationToken cancellationToken)
    {
        var endpoint = StoreConnection.Describe(_options?.ToString(includePassword: false));
        if (_options is null) return $"the store at {endpoint} is not connected yet";
        await _probing.WaitAsync(cancellationToken);
        try
        {
            if (_failure is null || time.GetUtcNow() - _probed >= ProbeEvery)
            {
                _probed = time.GetUtcNow();
                Record(endpoint, await ProbeAsync(_options));
            }
            return _failure ?? $"the store at {endpoint} is not connected yet";
        }
        finally
        {
            _probing.Release();
        }
    }

    /// <summary>The failure of a fresh connection; a refused TLS handshake is told apart from a refused password.</summary>
    private static async Task<StoreFailure?> ProbeAsync(ConfigurationOptions options)
    {
        var probe = options.Clone();
        probe.AbortOnConnectFail = true;
        probe.ConnectRetry = 1;
        probe.ConnectTimeout = 2000;
        try
        {
            await using var connection = await ConnectionMultiplexer.ConnectAsync(probe);
            return null;
        }
        catch (RedisConnectionException ex)
        {
            // StackExchange.Redis reports both as AuthenticationFailure; a TLS failure carries the handshake's exception.
            var tls = Causes(ex).Any(e => e is System.Security.Authentication.AuthenticationException);
            return ex.FailureType == ConnectionFailureType.AuthenticationFailure
                ? tls ? StoreFailure.TlsHandshake : StoreFailure.Password
                : StoreFailure.Unreachable(ex.FailureType);
        }
    }

    private static IEnumerable<Exception> Causes(Exception? e)
    {
        for (; e is not null; e = e.InnerException) yield return e;
    }

    private void Record(string endpoint, StoreFailure? failure)
    {
        var text = failure?.Describe(endpoint);
        if (text == _failure) return;
        _failure = text;
        if (failure == StoreFailure.Password) PasswordRefused(logger, endpoint);
        else if (failure == StoreFailure.TlsHandshake) TlsRefused(logger, endpoint);
        else if (failure is { } other) Unreachable(logger, endpoint, other.Type);
    }

    [LoggerMessage(1, LogLevel.Error, "The store at {Endpoint} refused the password (authentication failed): check ConnectionStrings:store. Retrying.")]
    private static partial void PasswordRefused(ILogger logger, string endpoint);

    [LoggerMessage(2, LogLevel.Warning, "The store at {Endpoint} is unreachable ({FailureType}). Retrying.")]
    private static partial void Unreachable(ILogger logger, string endpoint, ConnectionFailureType failureType);

    [LoggerMessage(4, LogLevel.Error, "The TLS handshake with the store at {Endpoint} failed: is its certificate trusted (Velib:Store:TrustedCertificate) and ssl=true right? Retrying.")]
    private static partial void TlsRefused(ILogger logger, string endpoint);

    [LoggerMessage(3, LogLevel.Information, "Connection to the store at {Endpoint} restored.")]
    private static partial void Restored(ILogger logger, string endpoint);
}
