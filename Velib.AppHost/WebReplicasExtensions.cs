using Microsoft.Extensions.Configuration;

namespace Velib.AppHost;

/// <summary>
/// <c>Velib:Web:Replicas</c>: how many web processes serve the map behind one address, <c>Velib:Web:Port</c> (5080)
/// the address's port.
/// </summary>
internal static class WebReplicasExtensions
{
    public const string Key = "Velib:Web:Replicas";
    public const string PortKey = "Velib:Web:Port";
    private const int DefaultPort = 5080;

    public static int WebReplicas(this IDistributedApplicationBuilder builder)
    {
        var replicas = builder.Configuration.GetValue(Key, 1);
        // Checked here, where the operator set it: a wrong count stops the AppHost with the reason, not a web later.
        return replicas is >= 1 and <= 16 ? replicas : throw new InvalidOperationException($"{Key} must be between 1 and 16 (got {replicas}).");
    }

    /// <summary>
    /// One web: riders connect to its Kestrel directly. DCP's proxy holds two sockets per open stream, and
    /// bench/riders.sh with 10,000 streams saw it fail at about 7,700 and take DCP, and so the web, down with it.
    /// Several webs: the proxy is their load balancer, as a real one would be in a deployment.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithWebReplicas(this IResourceBuilder<ProjectResource> web)
    {
        var replicas = web.ApplicationBuilder.WebReplicas();
        var port = web.ApplicationBuilder.Configuration.GetValue(PortKey, DefaultPort);
        return web.WithReplicas(replicas).WithEndpoint("http", e =>
        {
            e.Port = port;
            e.IsProxied = replicas > 1;
            if (!e.IsProxied) e.TargetPort = port;
        });
    }
}
