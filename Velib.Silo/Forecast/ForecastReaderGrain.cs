using Velib.Contracts.Systems;
using Orleans.Concurrency;
using System.Collections.Immutable;
using Velib.Contracts.Feed;
using Velib.Contracts.Forecast;
using Velib.Contracts.Stations;
using Velib.Lake.Forecast;
using Velib.Silo.Feed;
using Velib.Silo.Lake;

namespace Velib.Silo.Forecast;

/// <summary>
/// Forecasts in every silo from the model stored in the lake. Stateless and reentrant: the state comes from the
/// ingestion grain (now) or the lake (at a time), the model from this silo's <see cref="ForecastModels"/>.
/// </summary>
[StatelessWorker, Reentrant]
internal sealed class ForecastReaderGrain(ForecastModels models, LakeReader lake, FeedClock clock) : Grain, IForecastReaderGrain
{
    public Task<ImmutableArray<StationForecast>> GetNetworkForecast(DateTime? atUtc, TimeSpan horizon) => Make(async () =>
    {
        var (at, stations) = await StateAsync(atUtc);
        var model = await models.ForDayAsync(at);
        return NetworkForecaster.Forecast(model?.Model, stations, at, horizon, await BeforeAsync(at));
    });

    public Task<StationForecastDetail?> GetStationForecast(long stationId, DateTime? atUtc, TimeSpan horizon) => Make(async () =>
    {
        var (at, stations) = await StateAsync(atUtc);
        if (stations.FirstOrDefault(s => s.Id == stationId) is not { } station) return null;
        var model = await models.ForDayAsync(at);
        var before = (await BeforeAsync(at)).FirstOrDefault(s => s.Id == stationId);
        return (StationForecastDetail?)NetworkForecaster.Detail(model?.Model, at.Date, station, at, horizon, before);
    });

    private async Task<(DateTime At, ImmutableArray<Station> Stations)> StateAsync(DateTime? atUtc)
    {
        if (atUtc is { } at) return (at, await lake.NetworkAtAsync(at));
        var snapshot = await GrainFactory.GetGrain<IFeedIngestionGrain>(SystemId.Velib.Value).GetSnapshot();
        return (snapshot.ObservedUtc ?? clock.UtcNow, snapshot.Stations);
    }

    /// <summary>The network an hour before, from the lake (the spool included): the counts' recent change.</summary>
    private async Task<ImmutableArray<Station>> BeforeAsync(DateTime atUtc)
    {
        var before = atUtc - Trend.Lookback;
        // Before the archive's first checkpoint (a fresh lake) there is nothing to compare with: the trend is unknown.
        return (await lake.RangeAsync()).FirstUtc is { } first && first <= before ? await lake.NetworkAtAsync(before) : [];
    }

    private static Task<T> Make<T>(Func<Task<T>> work) => WireSafe.Run("The forecast could not be made", work);
}
