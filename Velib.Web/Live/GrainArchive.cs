using System.Collections.Immutable;
using Velib.Contracts.Archive;
using Velib.Contracts.Stations;
using Velib.Web.Api;

namespace Velib.Web.Live;

/// <summary>The lake for a page the server renders (the station fragments): the archive reader grain itself.</summary>
internal sealed class GrainArchive(IClusterClient orleans) : IArchive
{
    private IArchiveReaderGrain Reader => orleans.GetGrain<IArchiveReaderGrain>(0);

    public Task<ArchiveRange> GetRange() => Reader.GetRange();

    public Task<ImmutableArray<Station>> GetNetworkAt(DateTime atUtc) => Reader.GetNetworkAt(atUtc);

    public Task<ImmutableArray<TimelinePoint>> GetTimeline(DateTime fromUtc, DateTime toUtc, TimeSpan step) => Reader.GetTimeline(fromUtc, toUtc, step);

    public Task<ImmutableArray<StationChange>> GetChanges(long stationId, DateTime fromUtc, DateTime toUtc) => Reader.GetChanges(stationId, fromUtc, toUtc);

    public async Task<ImmutableArray<StationChange>> GetSamples(long stationId, DateTime fromUtc, DateTime toUtc, TimeSpan step)
    {
        var atStart = HistoryApi.StateAtAsync(Reader, stationId, fromUtc);
        var changes = await Reader.GetChanges(stationId, fromUtc, toUtc);
        var start = await atStart;
        var code = start?.Code ?? changes.FirstOrDefault()?.Code ?? stationId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return [.. HistorySampling.Sample(start, changes, fromUtc, toUtc, step).Select(p => p.ToChange(stationId, code))];
    }
}
