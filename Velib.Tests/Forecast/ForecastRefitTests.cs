using Microsoft.Extensions.Time.Testing;
using Velib.Contracts.Forecast;
using Velib.Lake.Forecast;
using Velib.Tests.Import;
using Velib.Tests.Support;

namespace Velib.Tests.Forecast;

/// <summary>The daily refit against a real s3rver: from the lake, deterministic, blind to what comes after its day, and stored once.</summary>
[Integration]
public sealed class ForecastRefitTests(SharedS3 shared) : IClassFixture<SharedS3>, IDisposable
{
    private static readonly DateTime Day = ForecastHistory.Start.AddDays(10);
    private readonly ImportFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static async Task<byte[]> FitAsync(ImportLake lake) =>
        StockModelFile.Write(await new ForecastFitter(lake.Reader()).FitAsync(Day, CancellationToken.None));

    [Fact]
    public async Task Refitting_the_same_lake_gives_the_same_bytes_and_history_imported_after_the_day_changes_nothing()
    {
        var lake = new ImportLake(shared.Server);
        await lake.ImportAsync(await _files.WriteAsync("twelve-days.parquet", ForecastHistory.Hourly(days: 12)));

        var first = await FitAsync(lake);
        var again = await FitAsync(lake);
        await lake.ImportAsync(await _files.WriteAsync("later.parquet", ForecastHistory.Hourly(days: 4, seed: 11, from: ForecastHistory.Start.AddDays(12))));
        var afterImport = await FitAsync(lake);

        Assert.Equal(first, again);
        Assert.Equal(first, afterImport);
        var info = StockModelFile.Read(first, "test").Info;
        Assert.True(info.ToUtc < Day, $"the last snapshot used, {info.ToUtc:O}, is before {Day:O}");
        Assert.Equal(ForecastHistory.Start, info.FromUtc!.Value.Date);
        Assert.InRange(info.Snapshots, 239, 240);
    }

    [Fact]
    public async Task The_refit_grain_stores_the_day_s_model_once_and_every_reader_forecasts_from_it()
    {
        var lake = new ImportLake(shared.Server);
        await lake.ImportAsync(await _files.WriteAsync("refit.parquet", ForecastHistory.Hourly(days: 12)));
        var settings = VelibTestCluster.Live("http://127.0.0.1:9/gbfs.json", shared.Server);
        settings["Velib:Archive:Prefix"] = lake.Prefix;
        settings["Velib:Archive:ListingCache"] = "00:00:00";
        await using var cluster = await VelibTestCluster.StartAsync(settings, time: new FakeTimeProvider(lake.Time.GetUtcNow()));
        var grain = cluster.Client.GetGrain<IForecastGrain>("velib");

        var first = await grain.Refit(Day.AddHours(13));
        var key = ArchiveLayout.ForecastModelKey(lake.Prefix, Day);
        var stored = (await lake.Store.GetAsync(key, CancellationToken.None)).ToArray();
        var second = await grain.Refit(Day);

        Assert.Null(first.Error);
        Assert.True(first is { Fitted: true, Stored: true, Examples: > 1000 }, $"{first}");
        Assert.Equal(Day, first.DayUtc);
        Assert.True(second is { Fitted: false, Stored: true }, $"{second}");
        Assert.Equal(await FitAsync(lake), stored);
        Assert.Equal([key], await lake.KeysAsync("forecast/"));

        var at = Day.AddHours(9);
        var forecasts = await cluster.Client.GetGrain<IForecastReaderGrain>(0).GetNetworkForecast(at, TimeSpan.FromMinutes(30));
        Assert.Equal([1L, 2, 3, 4, 5, 6], forecasts.Select(f => f.Id));
        Assert.All(forecasts, f => Assert.True(f.Reason is null && f.Bikes is > 0 and < 1 && f.Docks is > 0 and < 1, $"{f}"));
        var detail = await cluster.Client.GetGrain<IForecastReaderGrain>(0).GetStationForecast(1, at, TimeSpan.FromHours(1));
        Assert.NotNull(detail?.Counts);
        Assert.Equal(Day, detail.ModelDayUtc);
    }

    [Fact]
    public async Task A_day_before_any_history_stores_no_model_and_its_refit_says_so()
    {
        var lake = new ImportLake(shared.Server);
        await lake.ImportAsync(await _files.WriteAsync("late.parquet", ForecastHistory.Hourly(days: 2)));
        var settings = VelibTestCluster.Live("http://127.0.0.1:9/gbfs.json", shared.Server);
        settings["Velib:Archive:Prefix"] = lake.Prefix;
        await using var cluster = await VelibTestCluster.StartAsync(settings, time: new FakeTimeProvider(lake.Time.GetUtcNow()));

        var fit = await cluster.Client.GetGrain<IForecastGrain>("velib").Refit(ForecastHistory.Start);

        Assert.True(fit is { Fitted: true, Stored: false, Examples: 0, Error: null }, $"{fit}");
        Assert.Empty(await lake.KeysAsync("forecast/"));
    }
}
