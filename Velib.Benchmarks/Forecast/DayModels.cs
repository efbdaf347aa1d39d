using Velib.Lake.Forecast;

namespace Velib.Benchmarks.Forecast;

/// <summary>
/// <c>--daily</c>: the model of each UTC day fitted on the pairs that ended before that day, as the silo's
/// <c>ForecastGrain</c> refits it and as <c>/api/stations/forecast?at=T</c> answers, rather than one model fitted
/// before the whole test period. Test pairs come in time order, so one day's model is held at a time.
/// </summary>
internal sealed class DayModels(IReadOnlyList<StockPair> pairs, StockFitSettings settings)
{
    private DateTime _day = DateTime.MinValue;
    private StockModel? _model;

    public int Fits { get; private set; }

    public TimeSpan Fitting { get; private set; }

    public StockModel Of(DateTime atUtc)
    {
        var day = atUtc.Date;
        if (_model is null || day != _day)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            // Only data before the day, as the silo reads it: a pair counts once its next snapshot is before midnight.
            _model = StockModel.Fit(pairs.Where(p => p.AtUtc + p.Horizon <= day), settings);
            _day = day;
            Fits++;
            Fitting += System.Diagnostics.Stopwatch.GetElapsedTime(started);
        }
        return _model;
    }
}
