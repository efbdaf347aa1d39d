using System.Text.Json.Serialization;
using Velib.Lake.Import;
using Velib.Tests.Support;

namespace Velib.Tests.Import;

/// <summary>Inputs the importer refuses: a message naming the file and row, and nothing in the lake.</summary>
[Integration]
public sealed class BadInputTests(SharedS3 shared) : IClassFixture<SharedS3>, IDisposable
{
    private readonly ImportFiles _files = new();

    public void Dispose() => _files.Dispose();

    private sealed class NoDocks
    {
        [JsonPropertyName("observed_at")] public DateTime ObservedAt { get; set; }
        [JsonPropertyName("station_id")] public long StationId { get; set; }
        [JsonPropertyName("mechanical")] public long Mechanical { get; set; }
        [JsonPropertyName("ebike")] public long Ebike { get; set; }
        [JsonPropertyName("installed")] public bool Installed { get; set; }
        [JsonPropertyName("renting")] public bool Renting { get; set; }
        [JsonPropertyName("returning")] public bool Returning { get; set; }
    }

    private sealed class TextCounts
    {
        [JsonPropertyName("observed_at")] public DateTime ObservedAt { get; set; }
        [JsonPropertyName("station_id")] public long StationId { get; set; }
        [JsonPropertyName("mechanical")] public string Mechanical { get; set; } = "3";
        [JsonPropertyName("ebike")] public long Ebike { get; set; }
        [JsonPropertyName("docks")] public long Docks { get; set; }
        [JsonPropertyName("installed")] public bool Installed { get; set; }
        [JsonPropertyName("renting")] public bool Renting { get; set; }
        [JsonPropertyName("returning")] public bool Returning { get; set; }
    }

    private async Task<ImportInputException> Refused(ImportLake lake, string path)
    {
        var error = await Assert.ThrowsAsync<ImportInputException>(() => lake.ImportAsync(path));
        Assert.Equal(path, error.File);
        Assert.Empty(await lake.KeysAsync());
        return error;
    }

    [Fact]
    public async Task A_file_without_a_required_column_is_refused_naming_the_column()
    {
        var lake = new ImportLake(shared.Server);
        var path = await _files.WriteAsync("no-docks.parquet", [new NoDocks { ObservedAt = ImportFiles.Start }]);

        var error = await Refused(lake, path);

        Assert.Contains("docks", error.Reason);
    }

    [Fact]
    public async Task A_count_of_the_wrong_type_is_refused_naming_the_column_and_its_type()
    {
        var lake = new ImportLake(shared.Server);
        var path = await _files.WriteAsync("text-counts.parquet", [new TextCounts { ObservedAt = ImportFiles.Start }]);

        var error = await Refused(lake, path);

        Assert.Contains("'mechanical' has type", error.Reason);
    }

    [Fact]
    public async Task A_station_twice_in_one_snapshot_is_refused_naming_the_row()
    {
        var lake = new ImportLake(shared.Server);
        var rows = ImportFiles.Network(3);
        rows.Insert(4, rows[3]);

        var error = await Refused(lake, await _files.WriteAsync("duplicate.parquet", rows));

        Assert.True(error.Reason.Contains("twice"), error.Message);
        Assert.Equal(5L, error.Row);
    }

    [Fact]
    public async Task A_negative_count_is_refused_naming_the_row()
    {
        var lake = new ImportLake(shared.Server);
        var rows = ImportFiles.Network(4);
        rows[7].Docks = -1;

        var error = await Refused(lake, await _files.WriteAsync("negative.parquet", rows));

        Assert.Equal((8L, true), (error.Row!.Value, error.Reason.Contains("'docks' is -1")));
    }

    [Fact]
    public async Task Times_out_of_order_are_refused_naming_the_row()
    {
        var lake = new ImportLake(shared.Server);
        var rows = ImportFiles.Network(4);
        (rows[3], rows[6]) = (rows[6], rows[3]);

        var error = await Refused(lake, await _files.WriteAsync("disorder.parquet", rows));

        // Row 4 (the later one) is still in order; row 5 is earlier than it.
        Assert.Equal((5L, true), (error.Row!.Value, error.Reason.Contains("time order")));
    }

    [Fact]
    public async Task A_truncated_file_is_refused_and_nothing_of_the_good_files_beside_it_is_written()
    {
        var lake = new ImportLake(shared.Server);
        var good = await _files.WriteAsync("good.parquet", ImportFiles.Network(4));
        var bytes = await File.ReadAllBytesAsync(good);
        var truncated = _files.PathOf("truncated.parquet");
        await File.WriteAllBytesAsync(truncated, bytes[..(bytes.Length / 2)]);

        var error = await Assert.ThrowsAsync<ImportInputException>(() => lake.ImportAsync(good, truncated));

        Assert.Equal(truncated, error.File);
        Assert.Contains("truncated", error.Reason);
        Assert.Empty(await lake.KeysAsync());
    }
}
