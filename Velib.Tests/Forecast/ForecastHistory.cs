using Velib.Lake.Import;
using Velib.Tests.Import;

namespace Velib.Tests.Forecast;

/// <summary>
/// A small made-up network for forecast tests: hourly snapshots of six stations over some days, with counts that
/// follow the hour (a drained station, a refilled one) and a fixed-seed noise, so every run sees the same rows.
/// </summary>
public static class ForecastHistory
{
    public static readonly DateTime Start = new(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc);

    public static List<StatusFileRow> Hourly(int days, int seed = 7, DateTime? from = null)
    {
        var random = new Random(seed);
        var start = from ?? Start;
        var rows = new List<StatusFileRow>();
        for (var h = 0; h < days * 24; h++)
        {
            var at = start.AddHours(h).AddMinutes(random.Next(0, 3));
            for (var id = 1L; id <= 6; id++)
            {
                var hour = at.Hour;
                // Station 1 empties in the day, station 2 fills, the others wander.
                var bikes = id switch
                {
                    1 => hour is >= 8 and <= 18 ? random.Next(0, 2) : random.Next(3, 8),
                    2 => hour is >= 8 and <= 18 ? random.Next(8, 15) : random.Next(0, 3),
                    _ => random.Next(0, 10),
                };
                var ebike = Math.Min(bikes, random.Next(0, 3));
                rows.Add(new StatusFileRow
                {
                    ObservedAt = at, StationId = id, StationCode = $"{id}001", Mechanical = bikes - ebike, Ebike = ebike,
                    Docks = 20 - bikes, LastReported = at.AddMinutes(-2),
                });
            }
        }
        return rows;
    }
}
