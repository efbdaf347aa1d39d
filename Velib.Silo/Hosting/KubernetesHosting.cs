using Orleans.Hosting.Kubernetes;

namespace Velib.Silo.Hosting;

/// <summary>
/// Orleans' Kubernetes hosting, only inside a pod. There the silo takes its name, its advertised address (the pod's
/// IP) and its ids from the pod (see deploy/kubernetes/silo), listens on every address, and the cluster agent
/// deletes the pods of silos the cluster declared dead, so that a partitioned silo is replaced instead of lingering.
/// Everywhere else (the AppHost, plain hosts) the silo is configured by the <c>Orleans__*</c> variables alone.
/// </summary>
internal static class KubernetesHosting
{
    /// <summary>Set by the kubelet in every container of a pod.</summary>
    public const string ServiceHostVariable = "KUBERNETES_SERVICE_HOST";

    /// <summary>What the cluster agent reads from the pod (the downward API sets them, see the silo Deployment).</summary>
    public static readonly string[] PodVariables =
    [
        KubernetesHostingOptions.PodNameEnvironmentVariable,
        KubernetesHostingOptions.PodNamespaceEnvironmentVariable,
        KubernetesHostingOptions.PodIPEnvironmentVariable,
        KubernetesHostingOptions.ClusterIdEnvironmentVariable,
        KubernetesHostingOptions.ServiceIdEnvironmentVariable,
    ];

    public static bool InKubernetes(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[ServiceHostVariable]);

    public static ISiloBuilder AddVelibKubernetesHosting(this ISiloBuilder silo, IConfiguration configuration) =>
        InKubernetes(configuration) ? silo.UseKubernetesHosting() : silo;
}
