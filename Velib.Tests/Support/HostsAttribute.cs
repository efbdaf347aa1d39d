using Xunit.Sdk;

namespace Velib.Tests.Support;

/// <summary>Test kind: the app across network namespaces (root only, bench/hosts.sh).</summary>
[TraitDiscoverer(KindDiscoverer.TypeName, KindDiscoverer.AssemblyName)]
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class HostsAttribute : Attribute, ITraitAttribute
{
}
