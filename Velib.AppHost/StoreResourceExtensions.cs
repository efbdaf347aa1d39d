using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Velib.AppHost;

/// <summary>
/// The store behind Orleans (membership, reminders, grain state) and the archive spool: a local Garnet
/// (Velib.Store) by default, or any Redis-compatible service named by <c>ConnectionStrings:store</c>.
/// </summary>
internal static class StoreResourceExtensions
{
    public const string Name = "store";
    private const string LocalName = "garnet";
    private const string EndpointName = "tcp";
    // Fixed and proxyless: the connection string is known before the store starts, and Redis clients
    // reconnect to the same address after a restart of the store. Velib:Store:LocalPort changes it.
    private const int DefaultLocalPort = 6479;

    /// <summary>The connection string resource, and the local Garnet to wait for (null when the store is external).</summary>
    public static (IResourceBuilder<IResourceWithConnectionString> Store, IResourceBuilder<ProjectResource>? Local) AddVelibStore(
        this IDistributedApplicationBuilder builder)
    {
        if (!string.IsNullOrWhiteSpace(builder.Configuration[$"ConnectionStrings:{Name}"]))
        {
            // An external Redis, Valkey, Garnet or managed cache; a password stays inside the connection string parameter.
            return (builder.AddConnectionString(Name).WithOrleansProviderType("Redis"), null);
        }

        var aof = Path.Combine(builder.VelibDataDirectory(), "garnet");
        var localPort = builder.Configuration.GetValue("Velib:Store:LocalPort", DefaultLocalPort);
        var healthCheck = $"{LocalName}-listens";
        var password = builder.AddStorePassword();
        var clientHost = StoreSecurity.ClientHost(builder.Configuration);
        var garnet = builder.AddProject<Projects.Velib_Store>(LocalName, launchProfileName: null)
            .WithPlainHttp()
            .WithEndpoint(port: localPort, targetPort: localPort, scheme: "tcp", name: EndpointName, isProxied: false)
            .WithEnvironment(StoreSecurity.PasswordVariable, password)
            .WithArgs("--bind", StoreSecurity.Bind(builder.Configuration), "--port", localPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                // 256 MB of main log instead of the 16 GB default; the index grows as needed.
                "-m", "256m", "-i", "16m",
                // Orleans' Redis membership and reminder tables run Lua scripts, and so does the archive spool.
                "--lua", "--lua-transaction-mode",
                // Append-only file, replayed at start: acknowledged writes survive a restart.
                "--aof", "--recover", "--checkpointdir", aof,
                // The default native device needs libaio, which many machines lack.
                "--device-type", "RandomAccess")
            .WithHealthCheck(healthCheck);
        // WaitFor must mean "accepts connections", not merely "process started".
        builder.Services.AddHealthChecks().AddAsyncCheck(healthCheck, async cancellationToken =>
        {
            try
            {
                using var tcp = new TcpClient();
                await tcp.ConnectAsync(clientHost, localPort, cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (SocketException ex)
            {
                return HealthCheckResult.Unhealthy($"Garnet does not accept connections on {clientHost}:{localPort} yet ({ex.SocketErrorCode})");
            }
        });
        var store = builder.AddConnectionString(Name, ReferenceExpression.Create(
                $"{clientHost}:{garnet.GetEndpoint(EndpointName).Property(EndpointProperty.Port)},password={password},abortConnect=false"))
            .WithOrleansProviderType("Redis");
        return (store, garnet);
    }

    /// <summary>Waits for the local store, when there is one.</summary>
    public static IResourceBuilder<ProjectResource> WaitForStore(
        this IResourceBuilder<ProjectResource> project, IResourceBuilder<ProjectResource>? local) =>
        local is null ? project : project.WaitFor(local);
}
