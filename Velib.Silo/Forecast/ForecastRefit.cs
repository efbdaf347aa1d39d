using System.Diagnostics;
using Velib.Contracts.Forecast;
using Velib.Lake.Forecast;

namespace Velib.Silo.Forecast;

/// <summary>
/// Fits a day's model unless the lake holds it already, and stores it. The history is read through a reader of its
/// own (its own object cache), so a refit does not push out what the silo's readers keep for the map.
/// </summary>
internal sealed class ForecastRefit(ForecastModelStore models, LakeReader history)
{
    public async Task<ForecastFit> RunAsync(DateTime dayUtc, CancellationToken cancellationToken)
    {
        if (await models.ExistsAsync(dayUtc, cancellationToken)) return new ForecastFit(dayUtc, false, true, 0, 0, 0);
        var clock = Stopwatch.StartNew();
        var fitted = await new ForecastFitter(history).FitAsync(dayUtc, cancellationToken);
        var stored = fitted.Model.Examples > 0;
        // An empty history is not stored: history imported later for before this day then still counts.
        if (stored) await models.WriteAsync(fitted, cancellationToken);
        return new ForecastFit(dayUtc, true, stored, fitted.Info.Snapshots, fitted.Info.Examples, clock.Elapsed.TotalSeconds);
    }
}
