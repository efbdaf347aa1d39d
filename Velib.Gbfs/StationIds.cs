using System.Text;

namespace Velib.Gbfs;

/// <summary>Maps GBFS station ids to the 64-bit keys of station grains.</summary>
public static class StationIds
{
    /// <summary>
    /// Numeric ids (Vélib' uses JSON integers up to about 2·10¹⁰) are kept as they are. Text ids
    /// (GBFS 2+ requires strings, often UUIDs) get a stable negative hash so they can never collide with a numeric id.
    /// </summary>
    public static long FromText(ReadOnlySpan<byte> utf8)
    {
        if (System.Buffers.Text.Utf8Parser.TryParse(utf8, out long numeric, out var consumed) && consumed == utf8.Length && numeric >= 0)
        {
            return numeric;
        }
        return -1 - (long)(Fnv1a(utf8) & long.MaxValue);
    }

    // FNV-1a: tiny, stable across processes and versions (string.GetHashCode is randomized per process).
    private static ulong Fnv1a(ReadOnlySpan<byte> bytes)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 1099511628211UL;
        }
        return hash;
    }

    /// <inheritdoc cref="FromText(ReadOnlySpan{byte})"/>
    public static long FromText(string id) => FromText(Encoding.UTF8.GetBytes(id));
}
