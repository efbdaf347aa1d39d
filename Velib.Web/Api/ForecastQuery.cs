using System.Xml;
using Microsoft.Extensions.Localization;

namespace Velib.Web.Api;

/// <summary>A forecast's horizon and time, parsed and checked, or a 400 that says why.</summary>
internal static class ForecastQuery
{
    public static readonly TimeSpan DefaultHorizon = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan Shortest = TimeSpan.FromMinutes(5), Longest = TimeSpan.FromHours(3);

    /// <summary>
    /// <paramref name="horizonText"/> is an ISO 8601 duration from PT5M to PT3H (PT30M when absent);
    /// <paramref name="atText"/> an ISO 8601 time, or absent for now. Whether that time is inside the archive is
    /// the caller's check, against the archive's range.
    /// </summary>
    public static bool TryParse(IStringLocalizer<Text> t, string? horizonText, string? atText, out TimeSpan horizon, out DateTime? atUtc, out IResult problem)
    {
        horizon = DefaultHorizon;
        atUtc = null;
        problem = TypedResults.Ok();
        if (horizonText is not null)
        {
            try
            {
                horizon = XmlConvert.ToTimeSpan(horizonText);
            }
            catch (FormatException)
            {
                problem = ArchiveQuery.Bad(t["e-horizon", horizonText]);
                return false;
            }
        }
        if (horizon < Shortest || horizon > Longest)
        {
            problem = ArchiveQuery.Bad(t["e-horizon-range", horizonText ?? ""]);
            return false;
        }
        if (atText is null) return true;
        if (!ArchiveQuery.TryTime(t, "at", atText, out var at, out problem)) return false;
        atUtc = at;
        return true;
    }
}
