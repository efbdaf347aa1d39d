using System.Collections.Immutable;

namespace Velib.Contracts.Forecast;

/// <summary>P(count = 0), P(count = 1), … for each kind, up to the station's slots (bikes + free docks now).</summary>
[GenerateSerializer, Immutable, Alias("velib.CountDistributions")]
public sealed record CountDistributions(
    [property: Id(0)] ImmutableArray<double> Bikes,
    [property: Id(1)] ImmutableArray<double> Mechanical,
    [property: Id(2)] ImmutableArray<double> Ebike,
    [property: Id(3)] ImmutableArray<double> Docks);
