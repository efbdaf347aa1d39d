using Xunit.Sdk;

namespace Velib.Tests.Support;

/// <summary>Test kind: real processes or servers beside the test: the AppHost, Velib.Store, s3rver, a real Garnet store alone, kubectl.</summary>
[TraitDiscoverer(KindDiscoverer.TypeName, KindDiscoverer.AssemblyName)]
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class IntegrationAttribute : Attribute, ITraitAttribute
{
}
