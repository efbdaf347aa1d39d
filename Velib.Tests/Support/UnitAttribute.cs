using Xunit.Sdk;

namespace Velib.Tests.Support;

/// <summary>Test kind: inside the test process only (bUnit components included), with no Orleans cluster, store, S3, browser or other process.</summary>
[TraitDiscoverer(KindDiscoverer.TypeName, KindDiscoverer.AssemblyName)]
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class UnitAttribute : Attribute, ITraitAttribute
{
}
