using Velib.Gbfs;

namespace Velib.Lake.Forecast;

/// <summary>
/// Fits a <see cref="StockModel"/> in four passes over the examples, each a plain count, so that the same examples
/// always give the same model: the end of the history; the counts, for the model on all the history and for an
/// early model on all but its held-out end; each station's corrections, for both; and the calibrator, from the
/// early model's forecasts of the held-out end against what was seen. The early model is then dropped: the model
/// kept has seen all the history, and its calibration is that of odds fitted on the past for a later period.
/// </summary>
internal static class StockModelFit
{
    public static StockModel Run(IEnumerable<StockPair> pairs, StockFitSettings settings)
    {
        DateTime first = DateTime.MaxValue, end = DateTime.MinValue;
        foreach (var p in pairs)
        {
            if (p.AtUtc < first) first = p.AtUtc;
            if (p.AtUtc + p.Horizon > end) end = p.AtUtc + p.Horizon;
        }
        var model = new StockModel();
        if (end < first) return model;
        var heldOut = TimeSpan.FromTicks(Math.Min(settings.HeldOut.Ticks, (end - first).Ticks / 4));
        var cut = end - heldOut;
        var early = heldOut > TimeSpan.Zero ? new StockModel() : null;
        var paris = new ParisClock();
        foreach (var p in pairs)
        {
            var (hour, weekend) = paris.Of(p.AtUtc);
            model.Count(p, hour, weekend, settings.Trends);
            if (early is not null && p.AtUtc + p.Horizon <= cut) early.Count(p, hour, weekend, settings.Trends);
        }
        foreach (var p in pairs)
        {
            var (hour, weekend) = paris.Of(p.AtUtc);
            model.Correct(p, hour, weekend, settings.Trends);
            if (early is not null && p.AtUtc + p.Horizon <= cut) early.Correct(p, hour, weekend, settings.Trends);
        }
        if (early is null) return model;
        foreach (var p in pairs)
        {
            if (p.AtUtc < cut) continue;
            var (hour, weekend) = paris.Of(p.AtUtc);
            var bucket = StockModel.Bucket(p.Horizon);
            foreach (var target in StockModel.Targets)
            {
                var k = p.Now.Of(target);
                var y = p.Next.Of(target) > 0 ? 1 : 0;
                // As in the counts, every example calibrates the odds of an unknown trend too, and those of its own.
                model.Calibration.Add(StockModel.CalibrationGroup(target, k, bucket, Trend.Unknown), early.Raw(p.StationId, target, k, bucket, hour, weekend, Trend.Unknown), y);
                var trend = settings.Trends ? Trend.Of(k, p.Before?.Of(target)) : Trend.Unknown;
                if (trend != Trend.Unknown) model.Calibration.Add(StockModel.CalibrationGroup(target, k, bucket, trend), early.Raw(p.StationId, target, k, bucket, hour, weekend, trend), y);
            }
        }
        return model;
    }

    /// <summary>Paris hour and weekend of the last time asked: examples come a snapshot at a time.</summary>
    private sealed class ParisClock
    {
        private DateTime _at = DateTime.MinValue;
        private (int Hour, bool Weekend) _of;

        public (int Hour, bool Weekend) Of(DateTime utc)
        {
            if (utc != _at) (_at, _of) = (utc, ParisTime.HourAndWeekend(utc));
            return _of;
        }
    }
}
