using System.Text;
using Velib.Silo.Feed;
using Velib.Tests.Support;

namespace Velib.Tests.Feed;

[Unit]
public sealed class MalformedFeedTests
{
    private const string Good = """
        {"lastUpdatedOther":1760778556,"ttl":3600,"data":{"stations":[
          {"station_id":213688169,"num_bikes_available":3,"num_bikes_available_types":[{"mechanical":2},{"ebike":1}],"num_docks_available":20,"is_installed":1,"is_returning":1,"is_renting":1,"last_reported":1760777000,"stationCode":"16107"},
          {"station_id":36255,"num_bikes_available":0,"num_bikes_available_types":[{"mechanical":0},{"ebike":0}],"num_docks_available":12,"is_installed":1,"is_returning":1,"is_renting":1,"last_reported":1760777000,"stationCode":"9020"}
        ]}}
        """;

    private static GbfsDocument<StationStatusRecord> Parse(string json) =>
        GbfsParser.ParseStatus(Encoding.UTF8.GetBytes(json), VehicleTypeTable.Empty);

    [Fact]
    public void A_well_formed_document_parses_every_station()
    {
        var doc = Parse(Good);
        Assert.Equal(2, doc.Stations.Count);
        Assert.Equal((2, 1, 20), (doc.Stations[0].Mechanical, doc.Stations[0].Ebike, doc.Stations[0].Docks));
    }

    [Theory]
    [InlineData("garbage", "<html>502 Bad Gateway</html>")]
    [InlineData("empty body", "")]
    [InlineData("not an object", "[1,2,3]")]
    [InlineData("no data", """{"lastUpdatedOther":1,"ttl":3600}""")]
    [InlineData("data is not an object", """{"data":[]}""")]
    [InlineData("stations is not an array", """{"data":{"stations":{}}}""")]
    [InlineData("no valid station", """{"data":{"stations":[{"num_bikes_available":1}]}}""")]
    [InlineData("trailing garbage", """{"data":{"stations":[{"station_id":1,"num_bikes_available":1}]}} extra""")]
    public void A_document_that_cannot_be_used_is_rejected_whole(string why, string json)
    {
        var ex = Assert.Throws<FeedFormatException>(() => Parse(json));
        Assert.False(string.IsNullOrWhiteSpace(ex.Message), why);
    }

    [Fact]
    public void A_truncated_document_is_rejected_whole_at_every_cut()
    {
        var bytes = Encoding.UTF8.GetBytes(Good);
        foreach (var cut in new[] { 1, 20, bytes.Length / 2, bytes.Length - 3, bytes.Length - 1 })
        {
            Assert.Throws<FeedFormatException>(() => GbfsParser.ParseStatus(bytes.AsSpan(0, cut), VehicleTypeTable.Empty));
        }
    }

    [Theory]
    [InlineData("negative bikes", "\"num_bikes_available\":3,", "\"num_bikes_available\":-3,")]
    [InlineData("negative docks", "\"num_docks_available\":20,", "\"num_docks_available\":-1,")]
    [InlineData("missing id", "\"station_id\":213688169,", "")]
    [InlineData("id of the wrong type", "\"station_id\":213688169,", "\"station_id\":{\"x\":1},")]
    [InlineData("count of the wrong type", "\"num_bikes_available\":3,", "\"num_bikes_available\":\"three\",")]
    [InlineData("vehicle count of the wrong type beside a bike count", "\"num_bikes_available\":3,", "\"num_bikes_available\":3,\"num_vehicles_available\":[3],")]
    [InlineData("split count of the wrong type", "[{\"mechanical\":2}", "[{\"mechanical\":\"two\"}")]
    [InlineData("flag out of range", "\"is_installed\":1,\"is_returning\":1,\"is_renting\":1,\"last_reported\":1760777000,\"stationCode\":\"16107\"", "\"is_installed\":7,\"is_returning\":1,\"is_renting\":1,\"last_reported\":1760777000,\"stationCode\":\"16107\"")]
    [InlineData("duplicate id", "\"station_id\":36255,", "\"station_id\":213688169,")]
    [InlineData("null flag", "\"is_installed\":1,\"is_returning\":1,\"is_renting\":1,\"last_reported\":1760777000,\"stationCode\":\"16107\"", "\"is_installed\":1,\"is_returning\":1,\"is_renting\":null,\"last_reported\":1760777000,\"stationCode\":\"16107\"")]
    public void An_invalid_station_record_is_skipped_and_counted_while_the_rest_is_kept(string why, string from, string to)
    {
        var json = ReplaceFirst(Good, from, to);
        Assert.NotEqual(Good, json);

        var doc = Parse(json);

        Assert.True(doc.Stations.Count == 1, why);
        Assert.Equal(1, doc.Skipped);
    }

    [Fact]
    public void A_split_that_disagrees_with_the_total_never_yields_more_bikes_than_the_total()
    {
        var doc = Parse(Good.Replace("[{\"mechanical\":2},{\"ebike\":1}]", "[{\"mechanical\":9},{\"ebike\":1}]"));
        Assert.Equal(3, doc.Stations[0].Mechanical + doc.Stations[0].Ebike);
    }

    private static string ReplaceFirst(string text, string from, string to)
    {
        var i = text.IndexOf(from, StringComparison.Ordinal);
        return i < 0 ? text : string.Concat(text.AsSpan(0, i), to, text.AsSpan(i + from.Length));
    }
}
