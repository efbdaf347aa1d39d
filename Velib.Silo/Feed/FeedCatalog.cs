using Velib.Contracts.Stations;
namespace Velib.Silo.Feed;

/// <summary>
/// The station_information side of a feed: when to re-read it, and parsing a fetch against it. Nothing changes
/// until <see cref="Commit"/>, so a cycle that fails later leaves the catalog as it was.
/// </summary>
internal sealed class FeedCatalog(TimeSpan refresh)
{
    private IReadOnlyDictionary<long, StationInfo> _information = new Dictionary<long, StationInfo>();
    private VehicleTypeTable _vehicleTypes = VehicleTypeTable.Empty;
    private DateTime? _readUtc;
    private bool _wanted = true;

    /// <summary>True at start, every <paramref name="refresh"/>, and after a status listed an unknown station.</summary>
    public bool IsDue(DateTime nowUtc) => _wanted || _readUtc is null || nowUtc - _readUtc >= refresh;

    /// <summary>Parses and joins; throws <see cref="FeedFormatException"/> if any document is unusable.</summary>
    public ParsedCycle Parse(FeedDocuments documents, DateTime observedUtc)
    {
        IReadOnlyDictionary<long, StationInfo>? information = null;
        DateTime? informationUpdatedUtc = null;
        var skipped = 0;
        if (documents.Information is { } infoJson)
        {
            var parsed = GbfsParser.ParseInformation(infoJson.Span);
            information = parsed.Stations.ToDictionary(s => s.Id);
            informationUpdatedUtc = parsed.Header.LastUpdatedUtc;
            skipped += parsed.Skipped;
        }
        var types = documents.VehicleTypes is { } typesJson ? GbfsParser.ParseVehicleTypes(typesJson.Span) : null;
        var status = GbfsParser.ParseStatus(documents.Status.Span, types ?? _vehicleTypes);
        var stations = NetworkJoin.Join(information ?? _information, status.Stations, out var unknown);
        return new ParsedCycle(stations, skipped + status.Skipped, status.Header.LastUpdatedUtc, information, types, unknown, observedUtc, informationUpdatedUtc);
    }

    /// <summary>The cycle's station information when it is new or differs from the one in use, else null.</summary>
    public IReadOnlyCollection<StationInfo>? InformationChanged(ParsedCycle cycle) =>
        cycle.Information is { } next && (_readUtc is null || next.Count != _information.Count
            || next.Any(kv => !_information.TryGetValue(kv.Key, out var before) || before != kv.Value))
            ? [.. next.Values]
            : null;

    /// <summary>Adopts the cycle's documents.</summary>
    public void Commit(ParsedCycle cycle)
    {
        if (cycle.Information is not null)
        {
            _information = cycle.Information;
            _readUtc = cycle.ObservedUtc;
            InformationUpdatedUtc = cycle.InformationUpdatedUtc;
        }
        _vehicleTypes = cycle.VehicleTypes ?? _vehicleTypes;
        // An unknown station means information is behind status; re-read it, but at most once per cycle that just read it.
        _wanted = cycle.Unknown > 0 && cycle.Information is null;
    }

    /// <summary>The timestamp of the station_information document in use.</summary>
    public DateTime? InformationUpdatedUtc { get; private set; }

}
