namespace Velib.Lake.Forecast;

/// <summary>
/// The recent change of a count: down, the same or up against the station about an hour before (the latest state
/// <see cref="MinAge"/> to <see cref="MaxAge"/> older), or unknown. A station empty for an hour is not one just emptied.
/// </summary>
public static class Trend
{
    public const int Unknown = 0, Down = 1, Same = 2, Up = 3;

    public static readonly TimeSpan MinAge = TimeSpan.FromMinutes(45), MaxAge = TimeSpan.FromMinutes(90);

    /// <summary>How far back the API looks for the state before: the middle of the range the model was fitted on.</summary>
    public static readonly TimeSpan Lookback = TimeSpan.FromHours(1);

    public static int Of(int now, int? before) => before is not { } b ? Unknown : b > now ? Down : b == now ? Same : Up;
}
