namespace Velib.Contracts.Forecast;

/// <summary>What a refit for one day found or did.</summary>
/// <param name="Fitted">True when this call fitted and stored the model; false when the lake already held it.</param>
/// <param name="Stored">True when the lake now holds the day's model (an empty history is not stored).</param>
/// <param name="Seconds">Time taken to read the history and fit (0 when the model was already there).</param>
[GenerateSerializer, Immutable, Alias("velib.ForecastFit")]
public sealed record ForecastFit(
    [property: Id(0)] DateTime DayUtc,
    [property: Id(1)] bool Fitted,
    [property: Id(2)] bool Stored,
    [property: Id(3)] int Snapshots,
    [property: Id(4)] int Examples,
    [property: Id(5)] double Seconds,
    [property: Id(6)] string? Error = null);
