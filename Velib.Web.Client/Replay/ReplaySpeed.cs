namespace Velib.Web.Replay;

/// <summary>Replay speeds: minutes of the archive shown per second.</summary>
public static class ReplaySpeed
{
    public static readonly int[] MinutesPerSecond = [1, 10, 60];

    /// <summary>How often a playing replay moves on; each tick advances speed × this.</summary>
    public static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(250);
}
