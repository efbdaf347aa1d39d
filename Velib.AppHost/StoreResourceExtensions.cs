using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Velib.ServiceDefaults;

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

        // The same folder as before the storage tier: an existing AOF there is still replayed.
        var data = Path.Combine(builder.VelibDataDirectory(), "garnet");
        var localPort = builder.Configuration.GetValue("Velib:Store:LocalPort", DefaultLocalPort);
        // Velib:Store:MemorySize is the hybrid log's memory; past it, records go to disk, never away.
        // Velib:Store:MaxAofSize is the AOF size at which Garnet takes a checkpoint (it also takes one hourly).
        // GarnetArguments says which options, and why; it validates the sizes, so a bad one fails the AppHost at start.
        var arguments = GarnetArguments.For(localPort, data,
            builder.Configuration["Velib:Store:MemorySize"] ?? GarnetArguments.DefaultMemorySize,
            builder.Configuration["Velib:Store:MaxAofSize"] ?? GarnetArguments.DefaultMaxAofSize, bind: StoreSecurity.Bind(builder.Configuration));
        var healthCheck = $"{LocalName}-listens";
        var password = builder.AddStorePassword();
        var clientHost = StoreSecurity.ClientHost(builder.Configuration);
        var garnet = builder.AddProject<Projects.Velib_Store>(LocalName, launchProfileName: null)
            .WithPlainHttp()
            .WithEndpoint(port: localPort, targetPort: localPort, scheme: "tcp", name: EndpointName, isProxied: false)
            .WithEnvironment(StoreSecurity.PasswordVariable, password)
            .WithArgs(arguments)
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

    /// <summary>
    /// Starts a silo once the local store's process has started, and tells it the store's data folder (for its
    /// metrics and health). Started, not healthy: the silo itself waits for the store to listen (StoreGate), so its
    /// own start overlaps the store's recovery.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WaitForStore(
        this IResourceBuilder<ProjectResource> project, IResourceBuilder<ProjectResource>? local) =>
        local is null ? project : project.WaitForLocalStore(local)
            .WithEnvironment("Velib__Store__DataDirectory", Path.Combine(project.ApplicationBuilder.VelibDataDirectory(), "garnet"));

    /// <summary>
    /// Starts a project once the local store's process has started, when there is one. Started, not healthy: the
    /// silos wait for the store to listen themselves (StoreGate) and the web retries its first connection, so their
    /// starts overlap the store's recovery instead of following its health check (measured in bench/restart.sh).
    /// </summary>
    public static IResourceBuilder<ProjectResource> WaitForLocalStore(
        this IResourceBuilder<ProjectResource> project, IResourceBuilder<ProjectResource>? local) =>
        local is null ? project : project.WaitForStart(local);
}
