using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml;
using Velib.Contracts.Forecast;
using Velib.Web.Live;

namespace Velib.Web.Forecast;

/// <summary>The forecast through the JSON API, <c>/api/stations/{id}/forecast</c> and <c>/api/stations/forecast</c>.</summary>
public sealed class HttpForecasts(HttpClient http) : IForecasts
{
    public async Task<IReadOnlyList<StationForecast>> GetNetwork(TimeSpan horizon)
    {
        using var response = await SendAsync($"api/stations/forecast?horizon={XmlConvert.ToString(horizon)}");
        await ApiProblem.ThrowIfFailedAsync(response);
        return await response.Content.ReadFromJsonAsync<StationForecast[]>(JsonSerializerOptions.Web) ?? [];
    }

    public async Task<StationForecastDetail?> GetStation(long stationId, TimeSpan horizon, DateTime? atUtc)
    {
        var path = string.Create(CultureInfo.InvariantCulture, $"api/stations/{stationId}/forecast?horizon={XmlConvert.ToString(horizon)}");
        if (atUtc is { } at) path += "&at=" + Uri.EscapeDataString(at.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
        using var response = await SendAsync(path);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        await ApiProblem.ThrowIfFailedAsync(response);
        return await response.Content.ReadFromJsonAsync<StationForecastDetail>(JsonSerializerOptions.Web);
    }

    private async Task<HttpResponseMessage> SendAsync(string path)
    {
        try
        {
            return await http.GetAsync(path);
        }
        catch (HttpRequestException ex)
        {
            throw new InvalidOperationException(ex.Message, ex); // the web itself is unreachable
        }
    }
}
