using System.Globalization;
using Aspire.Hosting.Orleans;

namespace Velib.AppHost;

/// <summary>The Orleans cluster: every provider on the store, and <c>Velib:Cluster:Silos</c> silo resources.</summary>
internal static class OrleansResourceExtensions
{
    private const string SiloEndpoint = "orleans-silo";
    private const string GatewayEndpoint = "orleans-gateway";
    // Grain state and reminders are keyed by the ServiceId, so it never changes between runs.
    private const string ServiceId = "velib";

    /// <summary>Clustering, reminders and grain storage, all in <paramref name="store"/>.</summary>
    public static OrleansService AddVelibCluster(this IDistributedApplicationBuilder builder,
        IResourceBuilder<IResourceWithConnectionString> store) =>
        builder.AddOrleans("cluster")
            // The ClusterId keys only the membership table. A fresh one per run means rows left "Active" by a hard
            // stop never delay the next start; state and reminders survive through the ServiceId.
            .WithClusterId($"velib-{DateTime.UtcNow:yyyyMMdd'T'HHmmss}-{Guid.NewGuid().ToString("N")[..6]}")
            .WithServiceId(ServiceId)
            .WithClustering(store)
            .WithReminders(store)
            .WithGrainStorage("Default", store);

    /// <summary>The silo resources <c>silo1</c> … <c>siloN</c>, N from <c>Velib:Cluster:Silos</c> (1-8, default 2).</summary>
    public static IReadOnlyList<IResourceBuilder<ProjectResource>> AddVelibSilos(this IDistributedApplicationBuilder builder,
        OrleansService orleans, Func<IResourceBuilder<ProjectResource>, IResourceBuilder<ProjectResource>> configure)
    {
        var text = builder.Configuration["Velib:Cluster:Silos"];
        var count = 2;
        if (text is not null && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > 8))
        {
            throw new InvalidOperationException($"Velib:Cluster:Silos must be a whole number from 1 to 8, not '{text}'.");
        }
        return [.. Enumerable.Range(1, count).Select(i => configure(
            // No launch profile: each silo gets its own HTTP port (health, commands) instead of sharing one.
            builder.AddProject<Projects.Velib_Silo>($"silo{i}", launchProfileName: null)
                .WithHttpEndpoint()
                .WithPlainHttp()
                .WithEnvironment("ASPNETCORE_ENVIRONMENT", builder.Environment.EnvironmentName)
                .WithOrleansSilo(orleans)))];
    }

    private static IResourceBuilder<ProjectResource> WithOrleansSilo(this IResourceBuilder<ProjectResource> silo, OrleansService orleans) =>
        silo.WithReference(orleans)
            // Otherwise the silo advertises the first non-loopback address, which the client may not reach.
            .WithEnvironment("Orleans__Endpoints__AdvertisedIPAddress", "127.0.0.1")
            // Orleans' own protocol fails through DCP's TCP proxy, so its endpoints are proxyless.
            .WithEndpoint(SiloEndpoint, e => e.IsProxied = false)
            .WithEndpoint(GatewayEndpoint, e => e.IsProxied = false);
}
