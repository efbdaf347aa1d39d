namespace Velib.Contracts.Feed;

/// <summary>The GBFS system this deployment ingests. It keys the ingestion grain and tags every archive row.</summary>
public static class VelibSystem
{
    /// <summary>Vélib' Métropole.</summary>
    public const string Name = "velib";
}
