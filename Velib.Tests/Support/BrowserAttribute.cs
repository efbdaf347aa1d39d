using Xunit.Sdk;

namespace Velib.Tests.Support;

/// <summary>Test kind: a real page in headless Chromium (Playwright) against the AppHost.</summary>
[TraitDiscoverer(KindDiscoverer.TypeName, KindDiscoverer.AssemblyName)]
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class BrowserAttribute : Attribute, ITraitAttribute
{
}
