using Xunit.Abstractions;
using Xunit.Sdk;

namespace Velib.Tests.Support;

/// <summary>
/// Gives every test of a class marked <see cref="UnitAttribute"/>, <see cref="GrainAttribute"/>,
/// <see cref="IntegrationAttribute"/>, <see cref="BrowserAttribute"/> or <see cref="HostsAttribute"/> the trait
/// <c>Category</c> with the kind's name, so that one kind runs alone: <c>dotnet test --filter Category=Unit</c>.
/// A class has the kind of the heaviest thing it needs.
/// </summary>
public sealed class KindDiscoverer : ITraitDiscoverer
{
    public const string TypeName = "Velib.Tests.Support.KindDiscoverer";

    public const string AssemblyName = "Velib.Tests";

    public IEnumerable<KeyValuePair<string, string>> GetTraits(IAttributeInfo traitAttribute)
    {
        var type = ((IReflectionAttributeInfo)traitAttribute).Attribute.GetType().Name;
        yield return new("Category", type[..^"Attribute".Length]);
    }
}
