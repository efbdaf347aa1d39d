namespace Velib.Gbfs.Json;

/// <summary>A station id as a grain key; <see cref="Text"/> keeps a text id's original form.</summary>
internal readonly record struct GbfsStationId(long Id, string? Text);
