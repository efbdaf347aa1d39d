using Orleans.Configuration;

namespace Velib.Web.Cluster;

/// <summary>
/// The web reads the gateways (the silos' gateway endpoints) from the membership table every 5 s instead of every
/// minute: a gateway that the cluster declared dead (a killed or partitioned silo) is dropped within 5 s of that,
/// and a new silo is used as soon as it is Active. The read is one small hash from the store.
/// </summary>
internal static class GatewayTimings
{
    public static readonly TimeSpan ListRefresh = TimeSpan.FromSeconds(5);

    public static IClientBuilder AddVelibGatewayTimings(this IClientBuilder client) =>
        client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = ListRefresh)
            .UseConnectionRetryFilter<ClusterConnectRetry>();
}
