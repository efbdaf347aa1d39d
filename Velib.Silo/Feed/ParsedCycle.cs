using Velib.Contracts.Stations;

namespace Velib.Silo.Feed;

/// <summary>The result of parsing one fetch, before anything is applied.</summary>
/// <param name="Information">New station information to adopt on commit, or null to keep the current one.</param>
/// <param name="Unknown">Status stations absent from station_information.</param>
internal sealed record ParsedCycle(
    List<Station> Stations, int Skipped, DateTime? FeedUpdatedUtc,
    IReadOnlyDictionary<long, StationInfo>? Information, VehicleTypeTable? VehicleTypes, int Unknown, DateTime ObservedUtc,
    DateTime? InformationUpdatedUtc = null);
