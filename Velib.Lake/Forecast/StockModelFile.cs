namespace Velib.Lake.Forecast;

/// <summary>
/// The fitted model as bytes: a header, then every tally's cells in key order. The same model always gives the same
/// bytes, so a refit of the same data is seen to be the same object, and every silo reads exactly one model.
/// </summary>
public static class StockModelFile
{
    private const int Magic = 0x4D46_4C56; // "VLFM"
    public const int Version = 2;

    public static byte[] Write(FittedModel fitted)
    {
        using var buffer = new MemoryStream();
        using (var w = new BinaryWriter(buffer))
        {
            var (info, model) = (fitted.Info, fitted.Model);
            w.Write(Magic);
            w.Write(Version);
            w.Write(info.DayUtc.Ticks);
            w.Write(info.FromUtc?.Ticks ?? -1);
            w.Write(info.ToUtc?.Ticks ?? -1);
            w.Write(info.Snapshots);
            w.Write(info.Examples);
            foreach (var tally in Tallies(model))
            {
                var cells = tally.Ordered().ToList();
                w.Write(cells.Count);
                foreach (var (key, sum, n) in cells)
                {
                    w.Write(key);
                    w.Write(sum);
                    w.Write(n);
                }
            }
        }
        return buffer.ToArray();
    }

    /// <summary>Reads a model written by <see cref="Write"/>; anything else is an <see cref="InvalidDataException"/> naming the key.</summary>
    public static FittedModel Read(byte[] bytes, string key)
    {
        try
        {
            using var r = new BinaryReader(new MemoryStream(bytes, writable: false));
            if (r.ReadInt32() != Magic || r.ReadInt32() != Version) throw new InvalidDataException($"{key}: not a forecast model of version {Version}");
            var day = new DateTime(r.ReadInt64(), DateTimeKind.Utc);
            DateTime? from = r.ReadInt64() is var f and >= 0 ? new DateTime(f, DateTimeKind.Utc) : null;
            DateTime? to = r.ReadInt64() is var t and >= 0 ? new DateTime(t, DateTimeKind.Utc) : null;
            var info = new ForecastModelInfo(day, from, to, r.ReadInt32(), r.ReadInt32());
            var model = new StockModel { Examples = info.Examples };
            foreach (var tally in Tallies(model))
            {
                for (var count = r.ReadInt32(); count > 0; count--) tally.Set(r.ReadInt64(), r.ReadDouble(), r.ReadInt32());
            }
            return new FittedModel(info, model);
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException($"{key}: the forecast model is truncated");
        }
    }

    private static Tally[] Tallies(StockModel m) => [m.Pooled, m.Blocks, m.Stations, m.StationLevels, m.Horizons, m.Seen, m.Spread.Cells, m.Calibration.Outcomes, m.Calibration.Forecasts];
}
