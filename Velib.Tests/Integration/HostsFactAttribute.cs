using Velib.Tests.Support;

namespace Velib.Tests.Integration;

/// <summary>
/// A fact that runs the cluster on network-namespace hosts. Skipped, with the reason, where namespaces cannot be
/// created, even under CI: whether a CI machine grants root and <c>ip netns</c> is the machine's choice, not the
/// project's. Without the shared recordings it is skipped, except under <c>CI=true</c>, where it runs and fails.
/// </summary>
public sealed class HostsFactAttribute : FactAttribute
{
    public HostsFactAttribute()
    {
        if (NetworkNamespaces.WhyUnavailable is { } why)
        {
            Skip = $"Needs Linux network namespaces for bench/hosts.sh: {why}.";
        }
        else if (SharedData.Root is null && !SharedData.IsCi)
        {
            Skip = "Needs ../shared/data beside the repository (real Vélib' snapshots for the feed); not found.";
        }
    }
}
