namespace Velib.Lake.Forecast;

/// <summary>How a <see cref="StockModel"/> is fitted (the defaults are the ones docs/forecast.md's figures measure).</summary>
/// <param name="HeldOut">The last part of the history the calibrator is fitted on (at most a quarter of the history);
/// zero for no calibration.</param>
/// <param name="Trends">Whether the odds depend on the recent change (<see cref="Trend"/>); without, every example's
/// trend is unknown.</param>
public sealed record StockFitSettings(TimeSpan HeldOut, bool Trends = true)
{
    public static readonly StockFitSettings Default = new(TimeSpan.FromDays(14));
}
