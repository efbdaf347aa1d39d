using Orleans.Concurrency;
using System.Diagnostics;
using Microsoft.Extensions.Options;
using Velib.Contracts.Forecast;
using Velib.Lake.Forecast;
using Velib.Silo.Archive;
using Velib.Silo.Feed;
using Velib.Silo.Telemetry;

namespace Velib.Silo.Forecast;

/// <summary>
/// Refits the day's model. The reminder fires hourly so that a missed day (a silo down at midnight) catches up
/// within the hour; with the model stored, a run is one HEAD. Reentrant, and the fit runs on the thread pool, not
/// on this activation's turn: reading 180 days and counting millions of pairs takes seconds, and a forecast for
/// another day (or <see cref="Start"/>) must not wait behind it. Calls for a day being fitted join that fit.
/// </summary>
[Reentrant]
internal sealed class ForecastGrain(ForecastRefit refit, FeedClock clock, ILogger<ForecastGrain> logger) : Grain, IForecastGrain, IRemindable
{
    private const string RefitReminder = "velib.forecast";
    private readonly Dictionary<DateTime, Task<ForecastFit>> _running = [];

    public async Task Start() =>
        await this.RegisterOrUpdateReminder(RefitReminder, TimeSpan.FromMinutes(1), TimeSpan.FromHours(1));

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        // Not awaited: the reminder only starts the refit, which may take long on a slow S3.
        _ = Refit(clock.UtcNow);
        return Task.CompletedTask;
    }

    public Task<ForecastFit> Refit(DateTime dayUtc)
    {
        var day = DateTime.SpecifyKind(dayUtc.Date, DateTimeKind.Utc);
        if (_running.TryGetValue(day, out var running)) return running;
        var run = Task.Run(() => RefitOnce(day));
        _running[day] = run;
        // Forgotten once done, whatever the outcome: the lake, not this grain, remembers a stored model.
        _ = run.ContinueWith(_ => _running.Remove(day), TaskScheduler.Current);
        return run;
    }

    private async Task<ForecastFit> RefitOnce(DateTime day)
    {
        using var span = VelibActivity.StartRoot($"forecast refit {day:yyyy-MM-dd}");
        try
        {
            var fit = await refit.RunAsync(day, CancellationToken.None);
            span?.SetTag("velib.forecast.examples", fit.Examples).SetTag("velib.forecast.fitted", fit.Fitted);
            if (fit.Fitted && fit.Stored) ForecastLog.Fitted(logger, day, fit.Snapshots, fit.Examples, fit.Seconds);
            else if (!fit.Stored) ForecastLog.NoHistory(logger, day);
            return fit;
        }
        catch (Exception ex)
        {
            ForecastLog.Failed(logger, day, ex.Message);
            span?.SetStatus(ActivityStatusCode.Error, ex.Message);
            return new ForecastFit(day, false, false, 0, 0, 0, $"{ex.GetType().Name}: {ex.Message}");
        }
    }
}
