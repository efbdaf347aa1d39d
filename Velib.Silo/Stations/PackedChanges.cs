using System.Buffers.Binary;
using System.Text;
using Velib.Contracts.Stations;

namespace Velib.Silo.Stations;

/// <summary>
/// Changes as the store keeps them: many rows in one value. Garnet's append-only file spends about 110 bytes on
/// each write command besides its key and payload (measured: an RPUSH of 50 bytes grew it by 168, a ZADD of a
/// 37-byte member by 164), so one value per change could never fit the budget of 150 bytes per change. One value
/// per cycle, about 45 bytes a row, does. A value starts with <see cref="Marker"/>; the JSON rows of earlier
/// versions start with '{'.
/// </summary>
internal static class PackedChanges
{
    public const byte Marker = 0x02;

    // id; code length and UTF-8 code; observed, feed updated, last reported (0 = none) as ticks; counts; flags.
    private const int FixedBytes = 8 + 1 + 8 + 8 + 8 + 2 + 2 + 2 + 1;

    /// <summary>One row, without the marker: the script joins the fresh ones behind a single marker.</summary>
    public static byte[] Row(StationChange c)
    {
        var code = Encoding.UTF8.GetBytes(c.Code);
        if (code.Length > byte.MaxValue) throw new ArgumentException($"Station {c.StationId}: a code of {code.Length} bytes does not fit a row.", nameof(c));
        var row = new byte[FixedBytes + code.Length];
        var span = row.AsSpan();
        BinaryPrimitives.WriteInt64LittleEndian(span, c.StationId);
        span[8] = (byte)code.Length;
        code.CopyTo(span[9..]);
        var e = span[(9 + code.Length)..];
        BinaryPrimitives.WriteInt64LittleEndian(e, c.ObservedUtc.Ticks);
        BinaryPrimitives.WriteInt64LittleEndian(e[8..], c.FeedUpdatedUtc.Ticks);
        BinaryPrimitives.WriteInt64LittleEndian(e[16..], c.LastReportedUtc?.Ticks ?? 0);
        BinaryPrimitives.WriteUInt16LittleEndian(e[24..], checked((ushort)c.Mechanical));
        BinaryPrimitives.WriteUInt16LittleEndian(e[26..], checked((ushort)c.Ebike));
        BinaryPrimitives.WriteUInt16LittleEndian(e[28..], checked((ushort)c.Docks));
        e[30] = (byte)((c.Installed ? 1 : 0) | (c.Renting ? 2 : 0) | (c.Returning ? 4 : 0));
        return row;
    }

    /// <summary>A whole value: the marker, then the rows.</summary>
    public static byte[] Pack(IEnumerable<StationChange> changes)
    {
        var rows = changes.Select(Row).ToList();
        var value = new byte[1 + rows.Sum(r => r.Length)];
        value[0] = Marker;
        var at = 1;
        foreach (var r in rows)
        {
            r.CopyTo(value, at);
            at += r.Length;
        }
        return value;
    }

    public static bool IsPacked(ReadOnlySpan<byte> value) => !value.IsEmpty && value[0] == Marker;

    public static List<StationChange> Unpack(ReadOnlySpan<byte> value)
    {
        if (!IsPacked(value)) throw new InvalidDataException("Not a packed change value.");
        var changes = new List<StationChange>();
        for (var at = 1; at < value.Length;)
        {
            if (value.Length - at < FixedBytes) throw new InvalidDataException($"A packed change value ends inside a row ({value.Length - at} bytes left).");
            var id = BinaryPrimitives.ReadInt64LittleEndian(value[at..]);
            var codeLength = value[at + 8];
            var code = Encoding.UTF8.GetString(value.Slice(at + 9, codeLength));
            var e = value[(at + 9 + codeLength)..];
            var lastReported = BinaryPrimitives.ReadInt64LittleEndian(e[16..]);
            changes.Add(new StationChange(id, code, Utc(BinaryPrimitives.ReadInt64LittleEndian(e)), Utc(BinaryPrimitives.ReadInt64LittleEndian(e[8..])),
                BinaryPrimitives.ReadUInt16LittleEndian(e[24..]), BinaryPrimitives.ReadUInt16LittleEndian(e[26..]), BinaryPrimitives.ReadUInt16LittleEndian(e[28..]),
                (e[30] & 1) != 0, (e[30] & 2) != 0, (e[30] & 4) != 0, lastReported == 0 ? null : Utc(lastReported)));
            at += FixedBytes + codeLength;
        }
        return changes;
    }

    private static DateTime Utc(long ticks) => new(ticks, DateTimeKind.Utc);
}
