using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Velib.Contracts.Feed;
using Velib.Contracts.Stations;
using Velib.Web.Live;
using Velib.Web.Replay;

namespace Velib.Web.Map;

/// <summary>
/// The page as the server writes it: the feed's status, a station opened from the address (<c>?station=</c>), a
/// replayed time (<c>?at=</c>) and the rider's strings. A code or a time it cannot read is said in the rider's
/// language, above a page that otherwise works.
/// </summary>
public sealed partial class MapPage
{
    [Inject] private LiveNetwork Live { get; set; } = null!;
    [Inject] private INetworkView Network { get; set; } = null!;
    [Inject] private MapSettings Map { get; set; } = null!;

    [SupplyParameterFromQuery(Name = "station")] public string? StationCode { get; set; }

    [SupplyParameterFromQuery(Name = "at")] public string? At { get; set; }

    private FeedStatus? Status { get; set; }

    private StationDetail? Selected { get; set; }

    private DateTime? ReplayAt { get; set; }

    private string? Problem { get; set; }

    private string MapOptionsJson => JsonSerializer.Serialize(new { tileUrl = Map.TileUrl, attribution = Map.TileAttribution }, JsonSerializerOptions.Web);

    // Every string of the site for the page's scripts, in the rider's language: one source (Resources/Text*.resx).
    private string StringsJson => JsonSerializer.Serialize(T.GetAllStrings(includeParentCultures: true).ToDictionary(s => s.Name, s => s.Value));

    protected override async Task OnInitializedAsync()
    {
        await Network.StartAsync();
        Status = await Network.TryGetStatusAsync();
        if (At is { Length: > 0 } at)
        {
            if (Api.ArchiveQuery.TryParseTime(at, out var utc)) ReplayAt = utc;
            else Problem = T["not-a-time", at];
        }
        if (StationCode is { Length: > 0 } code) await OpenAsync(code.Trim());
    }

    private async Task OpenAsync(string code)
    {
        if (Network.ByCode(code) is not { } station)
        {
            Problem = T["unknown-station", code];
            return;
        }
        // While the cluster recovers the page opens without the panel; the script opens it once it can.
        Selected = await Network.TryGetDetailAsync(station.Id);
    }

    private static string? Iso(DateTime? utc) => utc?.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
