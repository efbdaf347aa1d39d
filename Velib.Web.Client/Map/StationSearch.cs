using System.Globalization;
using System.Text;
using Velib.Contracts.Stations;

namespace Velib.Web.Map;

/// <summary>Finds stations by code or name, ignoring case and accents ("gare de l'est", "16107").</summary>
public static class StationSearch
{
    public static IEnumerable<Station> Find(IEnumerable<Station> stations, string? text, int max = 20)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var query = Fold(text.Trim());
        return stations
            .Select(s => (s, rank: s.Code.Equals(query, StringComparison.Ordinal) ? 0
                : s.Code.StartsWith(query, StringComparison.Ordinal) ? 1
                : Fold(s.Name).Contains(query, StringComparison.Ordinal) ? 2 : -1))
            .Where(x => x.rank >= 0)
            .OrderBy(x => x.rank).ThenBy(x => x.s.Name, StringComparer.Ordinal)
            .Take(max)
            .Select(x => x.s);
    }

    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) folded.Append(char.ToLowerInvariant(c));
        }
        return folded.ToString();
    }
}
