using Microsoft.Extensions.Configuration;

namespace Velib.AppHost;

/// <summary><c>Velib:Web:Replicas</c>: how many web processes serve the map behind one address.</summary>
internal static class WebReplicasExtensions
{
    public const string Key = "Velib:Web:Replicas";

    public static int WebReplicas(this IDistributedApplicationBuilder builder)
    {
        var replicas = builder.Configuration.GetValue(Key, 1);
        // Checked here, where the operator set it: a wrong count stops the AppHost with the reason, not a web later.
        return replicas is >= 1 and <= 16 ? replicas : throw new InvalidOperationException($"{Key} must be between 1 and 16 (got {replicas}).");
    }
}
