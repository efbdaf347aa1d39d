namespace Velib.Silo.Feed;

/// <summary>A parsed station document: its header, its valid records and how many records were skipped.</summary>
internal sealed record GbfsDocument<T>(GbfsHeader Header, IReadOnlyList<T> Stations, int Skipped);
