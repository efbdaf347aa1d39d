namespace Velib.Contracts.Forecast;

/// <summary>How long a forecast call may take when it must fit the model of its day first.</summary>
public static class ForecastTimeouts
{
    /// <summary>Five minutes: a fit reads up to 180 days from S3 and counts millions of pairs; the web's request waits
    /// for it rather than fail at Orleans' default 30 s, and a call that waits longer is a fault worth a 503.</summary>
    public const string WithRefit = "00:05:00";
}
