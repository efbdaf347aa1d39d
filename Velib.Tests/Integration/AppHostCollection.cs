namespace Velib.Tests.Integration;

/// <summary>The AppHost is started once for every integration test class.</summary>
[CollectionDefinition(Name)]
public sealed class AppHostCollection : ICollectionFixture<AppHostFixture>
{
    public const string Name = "AppHost";
}
