using Xunit.Sdk;

namespace Velib.Tests.Support;

/// <summary>Test kind: the real grains on an in-process Orleans cluster (InProcessTestCluster), with an in-process Garnet store and, at most, a local HTTP feed.</summary>
[TraitDiscoverer(KindDiscoverer.TypeName, KindDiscoverer.AssemblyName)]
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class GrainAttribute : Attribute, ITraitAttribute
{
}
