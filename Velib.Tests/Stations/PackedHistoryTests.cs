using Velib.Contracts.Stations;
using Velib.Silo.Stations;
using Velib.Tests.Support;

namespace Velib.Tests.Stations;

/// <summary>A station's history as its grain persists it: one byte array, every field kept.</summary>
[Unit]
public sealed class PackedHistoryTests
{
    private static readonly DateTime T0 = new(2026, 11, 30, 8, 0, 0, DateTimeKind.Utc);

    private static StationChange Change(long id, DateTime at, int mechanical, bool installed = true, DateTime? reported = null) =>
        new(id, "7001", at, at.AddSeconds(-20), mechanical, 70_000 + mechanical, 3, installed, !installed, true, reported);

    [Fact]
    public void A_packed_history_reads_back_every_field_of_every_change()
    {
        StationChange[] changes = [Change(-5, T0, 0, reported: T0.AddMinutes(-3)), Change(-5, T0.AddMinutes(1), 1_000_000, installed: false), Change(-5, T0.AddMinutes(2), 7)];

        var back = PackedHistory.Unpack(PackedHistory.Pack(changes), -5, "7001");

        Assert.Equal(changes, back);
        Assert.All(back, c => Assert.Equal(DateTimeKind.Utc, c.ObservedUtc.Kind));
    }

    [Fact]
    public void A_packed_history_of_a_broken_length_is_refused_with_the_station_named()
    {
        var bytes = PackedHistory.Pack([Change(-5, T0, 1)]);

        var error = Assert.Throws<InvalidDataException>(() => PackedHistory.Unpack(bytes.AsSpan(0, bytes.Length - 1), -5, "7001"));

        Assert.Contains("Station -5", error.Message, StringComparison.Ordinal);
    }
}
