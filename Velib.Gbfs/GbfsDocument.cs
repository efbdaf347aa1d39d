namespace Velib.Gbfs;

/// <summary>A parsed station document: its header, its valid records and how many records were skipped.</summary>
public sealed record GbfsDocument<T>(GbfsHeader Header, IReadOnlyList<T> Stations, int Skipped);
