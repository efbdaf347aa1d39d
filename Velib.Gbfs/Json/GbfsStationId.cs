namespace Velib.Gbfs.Json;

/// <summary>A station id as a grain key; <see cref="Text"/> keeps a text id's original form.</summary>
internal readonly record struct GbfsStationId(long Id, string? Text)
{
    /// <summary>
    /// An id of the wrong type, which makes the record bad: an empty text, which no id read has (a text id is never
    /// empty, a numeric one has no text), since every long is some id.
    /// </summary>
    public static GbfsStationId Unreadable => new(0, "");

    public bool IsReadable => Text is not { Length: 0 };
}
