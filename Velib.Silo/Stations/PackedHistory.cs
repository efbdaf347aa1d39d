using System.Buffers.Binary;
using Velib.Contracts.Stations;

namespace Velib.Silo.Stations;

/// <summary>
/// A station's recent changes as one byte array, the form its grain persists. A busy station has hundreds of
/// changes a day and its state is written on each of them: as a list of records every write serialized each
/// field of each change again; as bytes it is one copy. The station's id and code are the station's own, so
/// they are not repeated per entry.
/// </summary>
internal static class PackedHistory
{
    // observed, feed updated, last reported (0 = none) as ticks; mechanical, e-bikes, docks; flags.
    private const int EntryBytes = 8 + 8 + 8 + 4 + 4 + 4 + 1;

    public static byte[] Pack(IReadOnlyList<StationChange> changes)
    {
        var bytes = new byte[changes.Count * EntryBytes];
        for (var i = 0; i < changes.Count; i++)
        {
            var c = changes[i];
            var e = bytes.AsSpan(i * EntryBytes, EntryBytes);
            BinaryPrimitives.WriteInt64LittleEndian(e, c.ObservedUtc.Ticks);
            BinaryPrimitives.WriteInt64LittleEndian(e[8..], c.FeedUpdatedUtc.Ticks);
            BinaryPrimitives.WriteInt64LittleEndian(e[16..], c.LastReportedUtc?.Ticks ?? 0);
            BinaryPrimitives.WriteInt32LittleEndian(e[24..], c.Mechanical);
            BinaryPrimitives.WriteInt32LittleEndian(e[28..], c.Ebike);
            BinaryPrimitives.WriteInt32LittleEndian(e[32..], c.Docks);
            e[36] = (byte)((c.Installed ? 1 : 0) | (c.Renting ? 2 : 0) | (c.Returning ? 4 : 0));
        }
        return bytes;
    }

    public static List<StationChange> Unpack(ReadOnlySpan<byte> bytes, long stationId, string code)
    {
        if (bytes.Length % EntryBytes != 0)
        {
            throw new InvalidDataException($"Station {stationId}: a packed history of {bytes.Length} bytes is not a whole number of {EntryBytes}-byte entries.");
        }
        var changes = new List<StationChange>(bytes.Length / EntryBytes);
        for (var at = 0; at < bytes.Length; at += EntryBytes)
        {
            var e = bytes.Slice(at, EntryBytes);
            var lastReported = BinaryPrimitives.ReadInt64LittleEndian(e[16..]);
            changes.Add(new StationChange(stationId, code,
                Utc(BinaryPrimitives.ReadInt64LittleEndian(e)), Utc(BinaryPrimitives.ReadInt64LittleEndian(e[8..])),
                BinaryPrimitives.ReadInt32LittleEndian(e[24..]), BinaryPrimitives.ReadInt32LittleEndian(e[28..]),
                BinaryPrimitives.ReadInt32LittleEndian(e[32..]),
                (e[36] & 1) != 0, (e[36] & 2) != 0, (e[36] & 4) != 0, lastReported == 0 ? null : Utc(lastReported)));
        }
        return changes;
    }

    private static DateTime Utc(long ticks) => new(ticks, DateTimeKind.Utc);
}
