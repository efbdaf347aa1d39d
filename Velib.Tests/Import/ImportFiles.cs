using Velib.Lake.Import;
using Parquet.Serialization;

namespace Velib.Tests.Import;

/// <summary>Small status files written to a temporary folder, removed with it.</summary>
public sealed class ImportFiles : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("velib-import-").FullName;

    public static readonly DateTime Start = new(2026, 3, 1, 22, 10, 0, DateTimeKind.Utc);

    /// <summary>Three stations over <paramref name="snapshots"/> snapshots 50 minutes apart; station 2 changes every other snapshot.</summary>
    public static List<StatusFileRow> Network(int snapshots) =>
    [
        .. Enumerable.Range(0, snapshots).SelectMany(s => new[] { 1L, 2L, 3L }.Select(id => new StatusFileRow
        {
            ObservedAt = Start.AddMinutes(50 * s), StationId = id, StationCode = $"{id}001",
            Mechanical = id == 2 ? s / 2 : 5, Ebike = id, Docks = 10, LastReported = Start.AddMinutes(50 * s - 3),
        })),
    ];

    public async Task<string> WriteAsync<T>(string name, IEnumerable<T> rows) where T : class, new()
    {
        var path = Path.Combine(_dir, name);
        await ParquetSerializer.SerializeAsync(rows, path);
        return path;
    }

    public string PathOf(string name) => Path.Combine(_dir, name);

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
