using Velib.Contracts.Systems;
using System.Collections.Concurrent;
using Velib.Contracts.Feed;
using Velib.Contracts.Forecast;
using Velib.Lake.Forecast;

namespace Velib.Silo.Forecast;

/// <summary>
/// The models this silo has loaded from the lake, by day (the last few). A day without a stored model is fitted
/// first, through the one forecast grain; "no model" is remembered for a minute only, so that history imported in
/// the meantime is used soon.
/// </summary>
internal sealed class ForecastModels(ForecastModelStore store, IGrainFactory grains, TimeProvider time)
{
    private const int Kept = 8;
    private static readonly TimeSpan RetryEmpty = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<DateTime, (DateTimeOffset At, Task<FittedModel?> Model)> _days = new();

    public async Task<FittedModel?> ForDayAsync(DateTime dayUtc)
    {
        var day = DateTime.SpecifyKind(dayUtc.Date, DateTimeKind.Utc);
        var now = time.GetUtcNow();
        if (_days.TryGetValue(day, out var cached) && !cached.Model.IsFaulted
            && (!cached.Model.IsCompleted || cached.Model.Result is not null || now - cached.At < RetryEmpty))
        {
            return await cached.Model;
        }
        var load = LoadAsync(day);
        _days[day] = (now, load);
        foreach (var old in _days.Keys.OrderByDescending(d => d).Skip(Kept)) _days.TryRemove(old, out _);
        return await load;
    }

    private async Task<FittedModel?> LoadAsync(DateTime day)
    {
        if (await store.TryReadAsync(day, CancellationToken.None) is { } stored) return stored;
        var fit = await grains.GetGrain<IForecastGrain>(SystemId.Velib.Value).Refit(day);
        if (fit.Error is not null) throw new InvalidOperationException($"The forecast model of {day:yyyy-MM-dd} could not be fitted: {fit.Error}");
        return fit.Stored ? await store.TryReadAsync(day, CancellationToken.None) : null;
    }
}
