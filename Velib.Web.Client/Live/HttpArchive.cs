using System.Collections.Immutable;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml;
using Velib.Contracts.Archive;
using Velib.Contracts.Stations;
using Velib.Web.Api;

namespace Velib.Web.Live;

/// <summary>The lake through the JSON API (<c>/api/archive/range</c>, <c>?at=</c>, the timeline and a station's history).</summary>
public sealed class HttpArchive(HttpClient http, BrowserNetworkView network) : IArchive
{
    private static string Iso(DateTime utc) => Uri.EscapeDataString(utc.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));

    private async Task<T> GetAsync<T>(string path)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(path);
        }
        catch (HttpRequestException ex)
        {
            throw new InvalidOperationException(ex.Message, ex); // the web itself is unreachable
        }
        using (response)
        {
            await ApiProblem.ThrowIfFailedAsync(response);
            return (await response.Content.ReadFromJsonAsync<T>(JsonSerializerOptions.Web))!;
        }
    }

    public Task<ArchiveRange> GetRange() => GetAsync<ArchiveRange>("api/archive/range");

    public async Task<ImmutableArray<Station>> GetNetworkAt(DateTime atUtc) =>
        [.. (await GetAsync<StationJson[]>($"api/stations?at={Iso(atUtc)}")).Select(s => new Station(s.Id, s.Code, network.NameOf(s.Id), s.Lat, s.Lon,
            s.Capacity, s.Mechanical, s.Ebike, s.Docks, s.Installed, s.Renting, s.Returning, null, null))];

    public async Task<ImmutableArray<TimelinePoint>> GetTimeline(DateTime fromUtc, DateTime toUtc, TimeSpan step) =>
        [.. await GetAsync<TimelinePoint[]>($"api/network/timeline?from={Iso(fromUtc)}&to={Iso(toUtc)}&step={XmlConvert.ToString(step)}")];

    public async Task<ImmutableArray<StationChange>> GetChanges(long stationId, DateTime fromUtc, DateTime toUtc)
    {
        var history = await GetAsync<StationHistory>($"api/stations/{stationId}/history?from={Iso(fromUtc)}&to={Iso(toUtc)}");
        var code = network.ById(stationId)?.Code ?? stationId.ToString(CultureInfo.InvariantCulture);
        return [.. history.History.Select(p => p.ToChange(stationId, code))];
    }

    public async Task<ImmutableArray<StationChange>> GetSamples(long stationId, DateTime fromUtc, DateTime toUtc, TimeSpan step)
    {
        var history = await GetAsync<StationHistory>(
            $"api/stations/{stationId}/history?from={Iso(fromUtc)}&to={Iso(toUtc)}&step={XmlConvert.ToString(step)}");
        var code = network.ById(stationId)?.Code ?? stationId.ToString(CultureInfo.InvariantCulture);
        return [.. history.History.Select(p => p.ToChange(stationId, code))];
    }
}
