namespace Velib.Lake.Forecast;

/// <summary>What a stored model was fitted on: the day it serves and the window of history before that day.</summary>
/// <param name="DayUtc">The UTC day the model forecasts for; it saw only data before it.</param>
/// <param name="FromUtc">The first snapshot used (null when the lake had none before the day).</param>
/// <param name="ToUtc">The last snapshot used.</param>
public sealed record ForecastModelInfo(DateTime DayUtc, DateTime? FromUtc, DateTime? ToUtc, int Snapshots, int Examples);
