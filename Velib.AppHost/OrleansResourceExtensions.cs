using Aspire.Hosting.Orleans;

namespace Velib.AppHost;

/// <summary>Orleans wiring that development clustering needs when silo and client are separate processes.</summary>
internal static class OrleansResourceExtensions
{
    private const string SiloEndpoint = "orleans-silo";
    private const string GatewayEndpoint = "orleans-gateway";

    /// <summary>Makes the project a silo of <paramref name="orleans"/>.</summary>
    public static IResourceBuilder<ProjectResource> WithOrleansSilo(
        this IResourceBuilder<ProjectResource> silo, OrleansService orleans) =>
        silo.WithReference(orleans)
            // Otherwise the silo advertises the first non-loopback address, which the client may not reach.
            .WithEnvironment("Orleans__Endpoints__AdvertisedIPAddress", "127.0.0.1")
            // Orleans' own protocol fails through DCP's TCP proxy, so its endpoints are proxyless.
            .WithEndpoint(SiloEndpoint, e => e.IsProxied = false)
            .WithEndpoint(GatewayEndpoint, e => e.IsProxied = false);

    /// <summary>Makes the project an Orleans client that connects through <paramref name="silo"/>'s gateway.</summary>
    public static IResourceBuilder<ProjectResource> WithOrleansClientOf(
        this IResourceBuilder<ProjectResource> client, OrleansService orleans,
        IResourceBuilder<ProjectResource> silo) =>
        client.WithReference(orleans.AsClient())
            // The client-side development provider reads a static gateway list that Aspire does not set.
            .WithEnvironment("Orleans__Clustering__Gateways__0",
                ReferenceExpression.Create($"127.0.0.1:{silo.GetEndpoint(GatewayEndpoint).Property(EndpointProperty.Port)}"));
}
