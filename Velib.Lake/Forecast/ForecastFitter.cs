using Velib.Lake.Reading;

namespace Velib.Lake.Forecast;

/// <summary>
/// Fits the model that serves one UTC day from the lake: the last <see cref="Window"/> of history before that day
/// (less when the lake holds less), read a day at a time. Only data before the day is read, so history imported
/// later for after it never changes the model, and the same lake always gives the same bytes. The window is twice
/// the 90 days because the per-station corrections gain from every month (docs/forecast.md measures both); a
/// shorter <paramref name="window"/> or other <paramref name="settings"/> are for comparisons.
/// </summary>
public sealed class ForecastFitter(LakeReader reader, TimeSpan? window = null, StockFitSettings? settings = null)
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(180);

    public async Task<FittedModel> FitAsync(DateTime dayUtc, CancellationToken cancellationToken)
    {
        var day = DateTime.SpecifyKind(dayUtc.Date, DateTimeKind.Utc);
        var range = await reader.RangeAsync();
        var series = new SnapshotSeries();
        if (range.FirstUtc is { } first && first < day)
        {
            var start = first > day - (window ?? Window) ? first : day - (window ?? Window);
            foreach (var s in await reader.NetworkAtAsync(start))
            {
                series.Set(s.Id, s.Mechanical, s.Ebike, s.Docks, s.Installed && s.Renting && s.Returning);
            }
            for (var d = start.Date; d < day; d = d.AddDays(1))
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var c in await reader.ChangesAsync(d < start ? start : d, d.AddDays(1).AddTicks(-1)))
                {
                    if (c.ObservedUtc > start) series.Observe(c.ObservedUtc, c.StationId, c.Mechanical, c.Ebike, c.Docks, c.Installed && c.Renting && c.Returning);
                }
            }
            series.Finish();
        }
        var model = StockModel.Fit(series.Pairs(), settings);
        return new FittedModel(new ForecastModelInfo(day, series.FirstUtc, series.LastUtc, series.Count, model.Examples), model);
    }
}
