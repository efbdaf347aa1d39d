using System.Globalization;
using System.Xml;
using Microsoft.Extensions.Localization;
using Velib.Contracts.Archive;

namespace Velib.Web.Api;

/// <summary>Times and windows asked of the archive: parsed, checked against what it covers, or a 400 that says why.</summary>
internal static class ArchiveQuery
{
    public static readonly TimeSpan LongestWindow = TimeSpan.FromDays(31);
    private const int MostPoints = 10_000;

    public static bool TryTime(IStringLocalizer<Text> t, string name, string text, out DateTime utc, out IResult problem)
    {
        problem = Bad(t["e-time", name, text]);
        return TryParseTime(text, out utc);
    }

    /// <summary>The one reading of a time the API and the page accept: ISO 8601, UTC unless it says otherwise.</summary>
    public static bool TryParseTime(string text, out DateTime utc)
    {
        utc = default;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)) return false;
        utc = parsed.UtcDateTime;
        return true;
    }

    /// <summary>A 400 naming the range the archive covers, unless <paramref name="utc"/> is in it.</summary>
    public static IResult? OutOfRange(IStringLocalizer<Text> t, string name, DateTime utc, ArchiveRange range) => range.Contains(utc)
        ? null
        : Bad(t["e-outside", name, Iso(utc), Describe(t, range)]);

    /// <summary>What the archive covers, in the caller's language.</summary>
    public static string Describe(IStringLocalizer<Text> t, ArchiveRange range) =>
        range.FirstUtc is { } first ? t["archive-covers", Iso(first), Iso(range.LastUtc)] : t["archive-empty"];

    private static string Iso(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>Checks a timeline window and step; null when they are fine.</summary>
    public static IResult? BadWindow(IStringLocalizer<Text> t, DateTime fromUtc, DateTime toUtc, string? stepText, out TimeSpan step)
    {
        step = TimeSpan.FromMinutes(5);
        if (stepText is not null)
        {
            try { step = XmlConvert.ToTimeSpan(stepText); }
            catch (FormatException) { return Bad(t["e-step", stepText]); }
        }
        if (step < TimeSpan.FromMinutes(1)) return Bad(t["e-step-min"]);
        if (fromUtc > toUtc) return Bad(t["e-order"]);
        if (toUtc - fromUtc > LongestWindow) return Bad(t["e-window"]);
        if ((toUtc - fromUtc) / step > MostPoints) return Bad(t["e-points", MostPoints]);
        return null;
    }

    public static IResult Bad(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest);
}
