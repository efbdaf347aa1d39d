using System.Globalization;
using System.Xml;
using Velib.Contracts.Archive;

namespace Velib.Web.Api;

/// <summary>Times and windows asked of the archive: parsed, checked against what it covers, or a 400 that says why.</summary>
internal static class ArchiveQuery
{
    public static readonly TimeSpan LongestWindow = TimeSpan.FromDays(31);
    private const int MostPoints = 10_000;

    public static bool TryTime(string name, string text, out DateTime utc, out IResult problem)
    {
        utc = default;
        problem = Bad($"{name} must be an ISO 8601 time such as 2025-11-10T13:45:00Z; '{text}' is not.");
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)) return false;
        utc = parsed.UtcDateTime;
        return true;
    }

    /// <summary>A 400 naming the range the archive covers, unless <paramref name="utc"/> is in it.</summary>
    public static IResult? OutOfRange(string name, DateTime utc, ArchiveRange range) => range.Contains(utc)
        ? null
        : Bad(string.Create(CultureInfo.InvariantCulture, $"{name}={utc:yyyy-MM-ddTHH:mm:ssZ} is outside the archive. {range.Describe()}"));

    /// <summary>Checks a timeline window and step; null when they are fine.</summary>
    public static IResult? BadWindow(DateTime fromUtc, DateTime toUtc, string? stepText, out TimeSpan step)
    {
        step = TimeSpan.FromMinutes(5);
        if (stepText is not null)
        {
            try { step = XmlConvert.ToTimeSpan(stepText); }
            catch (FormatException) { return Bad($"step must be an ISO 8601 duration such as PT5M; '{stepText}' is not."); }
        }
        if (step < TimeSpan.FromMinutes(1)) return Bad("step must be at least PT1M.");
        if (fromUtc > toUtc) return Bad("from must not be after to.");
        if (toUtc - fromUtc > LongestWindow) return Bad("The window from from to to must be at most 31 days.");
        if ((toUtc - fromUtc) / step > MostPoints) return Bad($"That is more than {MostPoints} points: use a longer step.");
        return null;
    }

    public static IResult Bad(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest);
}
