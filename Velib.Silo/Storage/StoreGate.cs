using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;
using Velib.ServiceDefaults;

namespace Velib.Silo.Storage;

/// <summary>
/// Holds the silo's start until the store accepts connections, before the silo reads or joins the membership table
/// there. So the AppHost can start the silos beside the store instead of after its health check: a silo's own start
/// (its process, DCP's <c>dotnet run</c>) overlaps the store's recovery, and it goes on within 100 ms of the store
/// listening, not at the health check's next round (1-3 s later).
/// </summary>
internal sealed partial class StoreGate([FromKeyedServices(StoreConnection.Name)] IConnectionMultiplexer store, ILogger<StoreGate> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    private static readonly TimeSpan Retry = TimeSpan.FromMilliseconds(100);

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(StoreGate), ServiceLifecycleStage.First, WaitAsync);

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        var endpoints = store.GetEndPoints();
        var waited = Stopwatch.StartNew();
        var said = TimeSpan.Zero;
        while (!await AnyListensAsync(endpoints, cancellationToken))
        {
            // Said at once and then every 10 s: a store that never comes is visible in the silo's log.
            if (waited.Elapsed >= said)
            {
                Waiting(logger, string.Join(", ", endpoints.Select(e => e.ToString())), (int)waited.Elapsed.TotalSeconds);
                said += TimeSpan.FromSeconds(10);
            }
            await Task.Delay(Retry, cancellationToken);
        }
        if (waited.Elapsed > Retry) Ready(logger, waited.Elapsed.TotalSeconds);
    }

    private static async Task<bool> AnyListensAsync(EndPoint[] endpoints, CancellationToken cancellationToken)
    {
        foreach (var endpoint in endpoints)
        {
            try
            {
                using var tcp = new TcpClient();
                using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                attempt.CancelAfter(TimeSpan.FromSeconds(1));
                await (endpoint switch
                {
                    DnsEndPoint dns => tcp.ConnectAsync(dns.Host, dns.Port, attempt.Token),
                    IPEndPoint ip => tcp.ConnectAsync(ip, attempt.Token),
                    _ => throw new NotSupportedException($"store endpoint {endpoint}"),
                });
                return true;
            }
            catch (Exception ex) when (ex is SocketException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // Not listening yet, or the connect hung: try the next endpoint, then again.
            }
        }
        return false;
    }

    [LoggerMessage(1, LogLevel.Information, "Waiting for the store at {Endpoints} before joining the cluster ({Seconds} s so far)")]
    private static partial void Waiting(ILogger logger, string endpoints, int seconds);

    [LoggerMessage(2, LogLevel.Information, "The store accepts connections after {Seconds:0.0} s: starting")]
    private static partial void Ready(ILogger logger, double seconds);
}
