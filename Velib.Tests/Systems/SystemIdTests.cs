using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Velib.Contracts.Stations;
using Velib.Contracts.Systems;
using Velib.Tests.Support;

namespace Velib.Tests.Systems;

[Unit]
public sealed class SystemIdTests
{
    [Theory]
    [InlineData("velib")]
    [InlineData("lime-paris")]
    [InlineData("citiz_la-rochelle-2")]
    [InlineData("0")]
    public void A_lower_case_id_of_letters_digits_dashes_and_underscores_is_valid(string text)
    {
        Assert.True(SystemId.TryParse(text, out var id));
        Assert.Equal(text, id.Value);
        Assert.Equal(text, id.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("Paris")]
    [InlineData("-velib")]
    [InlineData("_lake")]
    [InlineData("velib paris")]
    [InlineData("vélib")]
    [InlineData("a/b")]
    [InlineData("a.b")]
    [InlineData(null)]
    public void Anything_else_is_refused_with_a_message_that_says_what_an_id_is(string? text)
    {
        Assert.False(SystemId.TryParse(text, out _));
        if (text is not null) Assert.Contains("1-63 characters", Assert.Throws<FormatException>(() => SystemId.Parse(text)).Message);
    }

    [Fact]
    public void An_id_longer_than_63_characters_is_refused()
    {
        Assert.True(SystemId.IsValid(new string('a', 63)));
        Assert.False(SystemId.IsValid(new string('a', 64)));
    }

    [Fact]
    public void The_default_value_is_velib_so_an_unset_id_means_the_default_system()
    {
        Assert.Equal("velib", default(SystemId).Value);
        Assert.Equal(SystemId.Velib, default);
        Assert.Equal(SystemId.Velib.GetHashCode(), default(SystemId).GetHashCode());
    }

    [Fact]
    public void Json_carries_the_id_as_its_text_and_refuses_an_invalid_one()
    {
        var json = JsonSerializer.Serialize(new { id = SystemId.Parse("lime-paris") });
        Assert.Equal("""{"id":"lime-paris"}""", json);
        Assert.Equal(SystemId.Parse("dott-paris"), JsonSerializer.Deserialize<SystemId>("\"dott-paris\""));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<SystemId>("\"Dott Paris\""));
    }

    [Fact]
    public void A_system_summary_and_a_station_without_its_gbfs_text_cross_orleans_unchanged()
    {
        var serializer = new ServiceCollection().AddSerializer(b => b.AddAssembly(typeof(SystemId).Assembly)).BuildServiceProvider().GetRequiredService<Serializer>();
        var t = new DateTime(2026, 12, 8, 9, 0, 0, DateTimeKind.Utc);
        var summary = new SystemSummary(SystemId.Parse("voi-paris"), "Voi Paris", SystemKind.FreeFloating, SystemHealth.Failing, "401 Unauthorized",
            t, t, 0, 1200, new BoundingBox(2.2, 48.8, 2.5, 48.9), 7, TimeSpan.FromSeconds(60));
        var station = new Station(123, "123", "Test", 48.85, 2.35, 20, 4, 2, 14, true, true, true, t, t);

        Assert.Equal(summary, serializer.Deserialize<SystemSummary>(serializer.SerializeToArray(summary)));
        var read = serializer.Deserialize<Station>(serializer.SerializeToArray(station))!;
        Assert.Equal(station, read);
        Assert.Null(read.GbfsId);
        Assert.Equal("abc-1", serializer.Deserialize<Station>(serializer.SerializeToArray(station with { GbfsId = "abc-1" }))!.GbfsId);
    }

    [Theory]
    [InlineData("2.2,48.8,2.5,48.9", true)]
    [InlineData("2.2,48.8,2.5", false)]
    [InlineData("2.5,48.8,2.2,48.9", false)]
    [InlineData("-181,0,0,1", false)]
    [InlineData("a,b,c,d", false)]
    [InlineData("NaN,0,1,1", false)]
    public void A_bounding_box_is_read_from_west_south_east_north_or_refused(string text, bool valid)
    {
        Assert.Equal(valid, BoundingBox.TryParse(text, out var box));
        if (valid) Assert.True(box.Contains(48.85, 2.35) && !box.Contains(48.95, 2.35));
    }
}
