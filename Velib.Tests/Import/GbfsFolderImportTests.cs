using System.Text.Json;
using Velib.Lake.Cli;
using Velib.Lake.Import;
using Velib.Tests.Support;

namespace Velib.Tests.Import;

/// <summary>Folders of real GBFS feed files imported into a real s3rver, and read back.</summary>
[Integration]
public sealed class GbfsFolderImportTests(SharedS3 shared) : IClassFixture<SharedS3>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("velib-gbfs-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>
    /// The real Vélib' files: the 2025-10-18 pair, then the eight snapshots of 2025-11-10 and their station_information,
    /// one of them in a subfolder. Nine status snapshots, each at its own lastUpdatedOther.
    /// </summary>
    private string[] CopyRealFeedFiles()
    {
        var series = SharedData.Velib("timeseries-2025-11-10");
        var status = Directory.GetFiles(series, "station_status_*.json").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(8, status.Count);
        Directory.CreateDirectory(Path.Combine(_folder, "later"));
        File.Copy(SharedData.Velib("station_status.json"), Path.Combine(_folder, "station_status.json"));
        File.Copy(SharedData.Velib("station_information.json"), Path.Combine(_folder, "station_information.json"));
        File.Copy(Path.Combine(series, "station_information_20251110_133043.json"), Path.Combine(_folder, "station_information_20251110_133043.json"));
        foreach (var file in status) File.Copy(file, Path.Combine(_folder, file == status[^1] ? "later" : "", Path.GetFileName(file)));
        return [SharedData.Velib("station_status.json"), .. status];
    }

    /// <summary>The diff, computed here from the raw JSON: a station's first observation, then each change of counts or flags.</summary>
    private static List<(long Id, DateTime At, int Mechanical, int Ebike, int Docks, bool Installed, bool Renting, bool Returning)> ExpectedChanges(string[] statusFiles)
    {
        var snapshots = statusFiles.Select(file =>
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(file));
            var at = DateTime.UnixEpoch.AddSeconds(json.RootElement.GetProperty("lastUpdatedOther").GetInt64());
            var stations = json.RootElement.GetProperty("data").GetProperty("stations").EnumerateArray().Select(s =>
            {
                var split = s.GetProperty("num_bikes_available_types").EnumerateArray().SelectMany(o => o.EnumerateObject()).ToDictionary(p => p.Name, p => p.Value.GetInt32());
                return (Id: s.GetProperty("station_id").GetInt64(), State: (split["mechanical"], split["ebike"], s.GetProperty("num_docks_available").GetInt32(),
                    s.GetProperty("is_installed").GetInt32() == 1, s.GetProperty("is_renting").GetInt32() == 1, s.GetProperty("is_returning").GetInt32() == 1));
            }).ToList();
            return (At: at, Stations: stations);
        }).OrderBy(s => s.At).ToList();
        Assert.Equal(statusFiles.Length, snapshots.Select(s => s.At).Distinct().Count());
        var latest = new Dictionary<long, (int, int, int, bool, bool, bool)>();
        List<(long, DateTime, int, int, int, bool, bool, bool)> changes = [];
        foreach (var (at, stations) in snapshots)
        {
            foreach (var (id, state) in stations)
            {
                if (latest.TryGetValue(id, out var before) && before == state) continue;
                latest[id] = state;
                changes.Add((id, at, state.Item1, state.Item2, state.Item3, state.Item4, state.Item5, state.Item6));
            }
        }
        return changes;
    }

    private static async Task<List<(long, DateTime, int, int, int, bool, bool, bool)>> LakeChanges(ImportLake lake) =>
        [.. (await ArchiveObjects.ChangeRows(lake.Server.Client(), lake.Server.Bucket, lake.Prefix + "changes-daily/"))
            .Select(r => (r.StationId, r.ObservedAt, r.Mechanical, r.Ebike, r.Docks, r.Installed, r.Renting, r.Returning)).Order()];

    [SharedDataFact]
    public async Task A_folder_of_real_velib_status_files_becomes_the_changes_their_diff_gives_with_hourly_checkpoints_and_stations()
    {
        var statusFiles = CopyRealFeedFiles();
        var lake = new ImportLake(shared.Server);

        var summary = await lake.ImportAsync(_folder);

        var expected = ExpectedChanges(statusFiles);
        Assert.Equal((9, 2, expected.Count), (summary.Snapshots, summary.Days, (int)summary.ChangesWritten));
        Assert.Equal(expected.Order(), await LakeChanges(lake));
        // 2025-10-18 09:09; 2025-11-10 13:30, 14:03 and 15:03, the first snapshot of each hour.
        Assert.Equal(4, (await lake.KeysAsync("checkpoints/")).Count);
        Assert.Equal(2, (await lake.KeysAsync("stations/")).Count);
        var reader = lake.Reader();
        var afternoon = await reader.NetworkAtAsync(new DateTime(2025, 11, 10, 15, 10, 0, DateTimeKind.Utc));
        var last = expected.GroupBy(c => c.Id).Select(g => g.MaxBy(c => c.At)).Select(c => (c.Id, c.Mechanical, c.Ebike, c.Docks)).Order();
        Assert.Equal(last, afternoon.Select(s => (s.Id, s.Mechanical, s.Ebike, s.Docks)).Order());
        Assert.Contains(afternoon, s => s.Code == "16107" && s.Name.Length > 0 && s.Capacity > 0);
        Assert.Empty(summary.SkippedFiles);
    }

    [SharedDataFact]
    public async Task A_second_import_of_the_same_folder_writes_nothing()
    {
        CopyRealFeedFiles();
        var lake = new ImportLake(shared.Server);
        var first = await lake.ImportAsync(_folder);
        var keys = await lake.KeysAsync();

        var second = await lake.ImportAsync(_folder);

        Assert.True(first.ObjectsWritten > 0);
        Assert.Equal((0, 0L, first.ObjectsWritten), (second.ObjectsWritten, second.ChangesWritten, second.ObjectsUnchanged));
        Assert.Equal(keys.Order(), (await lake.KeysAsync()).Order());
    }

    [SharedDataFact]
    public async Task A_truncated_or_broken_file_is_skipped_and_named_and_every_other_snapshot_is_imported()
    {
        var statusFiles = CopyRealFeedFiles();
        var bytes = await File.ReadAllBytesAsync(statusFiles[3]);
        var truncated = Path.Combine(_folder, "station_status_20251110_999999.json");
        await File.WriteAllBytesAsync(truncated, bytes[..(bytes.Length / 2)]);
        var html = Path.Combine(_folder, "station_status_error.json");
        await File.WriteAllTextAsync(html, "<html>502 Bad Gateway</html>");
        var lake = new ImportLake(shared.Server);

        var summary = await lake.ImportAsync(_folder);

        Assert.Equal([truncated, html], summary.SkippedFiles.Select(f => f.File).Order(StringComparer.Ordinal));
        Assert.All(summary.SkippedFiles, f => Assert.Contains("skipped", f.Reason));
        Assert.Equal(ExpectedChanges(statusFiles).Order(), await LakeChanges(lake));
    }

    [SharedDataFact]
    public async Task A_gbfs_3_0_folder_with_vehicle_types_and_localized_names_is_imported()
    {
        var lake = new ImportLake(shared.Server);

        var summary = await lake.ImportAsync(SharedData.Schema("testFixtures", "v3.0"));

        Assert.Equal(1, summary.Snapshots);
        Assert.True(summary.ChangesWritten > 0);
        var network = await lake.Reader().NetworkAtAsync(new DateTime(2019, 7, 4, 14, 0, 0, DateTimeKind.Utc));
        Assert.Contains(network, s => s.Name == "2 ROUES");
    }

    [SharedDataFact]
    public async Task From_the_command_line_skipped_files_exit_3_after_the_rest_is_imported()
    {
        CopyRealFeedFiles();
        await File.WriteAllTextAsync(Path.Combine(_folder, "station_status_empty.json"), "");
        var prefix = $"cli-{Guid.NewGuid():N}/";
        var s3 = shared.Server;

        var exit = await LakeCommandLine.InvokeAsync(["import", _folder, $"--Velib:S3:ServiceUrl={s3.ServiceUrl}", "--Velib:S3:ForcePathStyle=true",
            $"--Velib:S3:Bucket={s3.Bucket}", $"--Velib:S3:AccessKey={s3.AccessKey}", $"--Velib:S3:SecretKey={s3.SecretKey}", $"--Velib:Archive:Prefix={prefix}"]);

        Assert.Equal(3, exit);
        using var client = s3.Client();
        Assert.Equal(4, (await ArchiveObjects.Keys(client, s3.Bucket, prefix + "checkpoints/")).Count);
    }
}
