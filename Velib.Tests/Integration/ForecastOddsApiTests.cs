using System.Globalization;
using System.Net.Http.Json;
using Aspire.Hosting.Testing;
using Velib.Contracts.Forecast;
using Velib.Lake.Import;
using Velib.Tests.Forecast;
using Velib.Tests.Import;
using Velib.Tests.Support;

namespace Velib.Tests.Integration;

/// <summary>
/// The forecast API gives real odds on a lake with history: twelve days of <see cref="ForecastHistory"/> imported
/// into the archive of an AppHost of its own (the shared one's lake stays as young as its other tests need it),
/// then <c>/api/stations/forecast?at=…</c> on the eleventh day, whose model the silos fit from the ten before.
/// </summary>
[Integration]
[Collection(AppHostCollection.Name)]
public sealed class ForecastOddsApiTests : IAsyncLifetime
{
    private static readonly DateTime At = ForecastHistory.Start.AddDays(10).AddHours(9);
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "velib-forecast-" + Guid.NewGuid().ToString("N"));
    private readonly ImportFiles _files = new();
    private VelibAppHost? _host;

    public async Task InitializeAsync()
    {
        // The simulated feed: what the feed serves now plays no part in a forecast at a past time. No listing cache,
        // so that the silos see the imported objects at once.
        _host = await VelibAppHost.StartAsync(_dataDir, ["--Velib:Feed:Mode=simulated", "--Velib:Map:TileUrl=", "--Velib:Archive:ListingCache=00:00:00"]);
        var options = new S3Options
        {
            ServiceUrl = _host.App.GetEndpoint("s3", "http").ToString(), ForcePathStyle = true,
            AccessKey = _host.Configuration["Parameters:local-s3-access-key"], SecretKey = _host.Configuration["Parameters:local-s3-secret-key"],
        };
        var store = new S3ArchiveStore(S3ClientFactory.Create(options), Microsoft.Extensions.Options.Options.Create(options));
        var importer = new LakeImporter(store, new ImportOptions(), TimeProvider.System);
        await importer.ImportAsync([await _files.WriteAsync("twelve-days.parquet", ForecastHistory.Hourly(days: 12))], SilentObserver.Instance, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
        _files.Dispose();
        if (Directory.Exists(_dataDir)) Directory.Delete(_dataDir, recursive: true);
    }

    private static string Iso(DateTime t) => t.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    [Fact]
    public async Task On_a_lake_with_history_every_station_in_service_gets_odds_between_0_and_1_and_its_own_forecast_its_counts()
    {
        var forecasts = (await _host!.Web.GetFromJsonAsync<StationForecast[]>($"/api/stations/forecast?at={Iso(At)}&horizon=PT30M"))!;

        // The six stations of the history, all in service all along.
        Assert.Equal([1L, 2, 3, 4, 5, 6], forecasts.Select(f => f.Id));
        Assert.All(forecasts, f => Assert.True(
            f is { Reason: null, Bikes: > 0 and < 1, Mechanical: >= 0 and <= 1, Ebike: > 0 and < 1, Docks: > 0 and < 1 }, $"{f}"));
        // Station 1 empties in the day and station 2 fills: at 09:30 the first is less likely to have a bike.
        Assert.True(forecasts[0].Bikes < forecasts[1].Bikes, $"station 1 {forecasts[0].Bikes}, station 2 {forecasts[1].Bikes}");

        var detail = (await _host.Web.GetFromJsonAsync<StationForecastDetail>($"/api/stations/1/forecast?at={Iso(At)}&horizon=PT1H"))!;
        Assert.Equal(1, detail.Forecast.Id);
        Assert.Null(detail.Forecast.Reason);
        Assert.Equal(60, detail.HorizonMinutes);
        Assert.Equal(At.Date, detail.ModelDayUtc);
        Assert.NotNull(detail.Counts);
    }
}
