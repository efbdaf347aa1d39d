using Velib.Contracts.Stations;
using Velib.Gbfs.SourceGenerated;

namespace Velib.Tests.Feed;

/// <summary>The two GBFS parsers compared for issue 19, run through the same tests.</summary>
public sealed record ParserUnderTest(string Name,
    Func<byte[], VehicleTypeTable, GbfsDocument<StationStatusRecord>> ParseStatus,
    Func<byte[], GbfsDocument<StationInfo>> ParseInformation,
    Func<byte[], IReadOnlyDictionary<string, string>> ParseDiscovery,
    Func<byte[], VehicleTypeTable> ParseVehicleTypes)
{
    public static readonly ParserUnderTest[] Both =
    [
        new("hand-written", (j, t) => GbfsParser.ParseStatus(j, t), j => GbfsParser.ParseInformation(j), j => GbfsParser.ParseDiscovery(j), j => GbfsParser.ParseVehicleTypes(j)),
        new("source-generated", (j, t) => GbfsJsonParser.ParseStatus(j, t), j => GbfsJsonParser.ParseInformation(j), j => GbfsJsonParser.ParseDiscovery(j), j => GbfsJsonParser.ParseVehicleTypes(j)),
    ];

    public static TheoryData<ParserUnderTest> All => new(Both);

    public override string ToString() => Name;
}
