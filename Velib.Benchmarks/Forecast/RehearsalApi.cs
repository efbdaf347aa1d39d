using System.Globalization;
using System.Xml;
using Velib.Contracts.Forecast;
using Velib.Contracts.Stations;

namespace Velib.Benchmarks.Forecast;

/// <summary>The app's JSON API as the rehearsal asks it; a non-success answer is an error with its body.</summary>
internal sealed class RehearsalApi(HttpClient http)
{
    public async Task<string> ForecastJsonAsync(DateTime at, TimeSpan horizon) => await GetAsync(ForecastPath(at, horizon));

    public async Task<StationForecast[]> ForecastAsync(DateTime at, TimeSpan horizon) =>
        System.Text.Json.JsonSerializer.Deserialize<StationForecast[]>(await GetAsync(ForecastPath(at, horizon)), Web)!;

    public async Task<Station[]> StationsAsync(DateTime at) =>
        System.Text.Json.JsonSerializer.Deserialize<Station[]>(await GetAsync($"/api/stations?at={Time(at)}"), Web)!;

    /// <summary>The number of points of the network's timeline.</summary>
    public async Task<int> TimelineAsync(DateTime from, DateTime to, TimeSpan step) =>
        System.Text.Json.JsonDocument.Parse(await GetAsync($"/api/network/timeline?from={Time(from)}&to={Time(to)}&step={XmlConvert.ToString(step)}")).RootElement.GetArrayLength();

    private static string ForecastPath(DateTime at, TimeSpan horizon) => $"/api/stations/forecast?at={Time(at)}&horizon={XmlConvert.ToString(horizon)}";

    private async Task<string> GetAsync(string path)
    {
        using var response = await http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? body : throw new HttpRequestException($"GET {path}: {(int)response.StatusCode} {body}");
    }

    private static string Time(DateTime utc) => Uri.EscapeDataString(utc.ToString("O", CultureInfo.InvariantCulture));

    private static readonly System.Text.Json.JsonSerializerOptions Web = new(System.Text.Json.JsonSerializerDefaults.Web);
}
