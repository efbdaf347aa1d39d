namespace Velib.Contracts.Forecast;

/// <summary>
/// One per system (key <c>velib</c>): refits the forecast model from the lake on a reminder and stores it in the
/// lake, one object per UTC day, so that every silo loads the same model. Reentrant: a refit runs off the grain's
/// turn, and a call for a day being fitted joins that fit.
/// </summary>
public interface IForecastGrain : IGrainWithStringKey
{
    /// <summary>Registers the refit reminder. Idempotent.</summary>
    Task Start();

    /// <summary>Makes sure the lake holds the model of <paramref name="dayUtc"/> (fitted on the days before it). Idempotent.</summary>
    [ResponseTimeout(ForecastTimeouts.WithRefit)]
    Task<ForecastFit> Refit(DateTime dayUtc);
}
