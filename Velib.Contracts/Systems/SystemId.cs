using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Velib.Contracts.Systems;

/// <summary>
/// Our id of a GBFS system (<c>velib</c>, <c>lime-paris</c>): it keys the system's grains, store keys, lake folder,
/// routes, metrics and stream ids. The charset (<c>^[a-z0-9][a-z0-9_-]{0,62}$</c>) lets it go unescaped into a Redis
/// hash tag, an S3 key, a URL segment and an Orleans key, which MobilityData's own ids cannot
/// (see docs/design/systems-and-ids.md). Parse rejects anything else, so an invalid id never reaches those places.
/// </summary>
[GenerateSerializer, Immutable, Alias("velib.SystemId")]
[JsonConverter(typeof(SystemIdJsonConverter))]
public readonly partial record struct SystemId : IParsable<SystemId>
{
    /// <summary>Vélib' Métropole, the default system: its keys are the ones every deployment had before systems.</summary>
    public static readonly SystemId Velib = new("velib");

    [Id(0)] private readonly string? _value;

    private SystemId(string value) => _value = value;

    /// <summary>The id's text; <c>velib</c> for the default value.</summary>
    public string Value => _value ?? "velib";

    /// <summary>True when <paramref name="text"/> is a valid id.</summary>
    public static bool IsValid([NotNullWhen(true)] string? text) => text is not null && Pattern().IsMatch(text);

    /// <inheritdoc/>
    public static SystemId Parse(string s, IFormatProvider? provider = null) =>
        TryParse(s, provider, out var id) ? id
            : throw new FormatException($"'{s}' is not a system id: use 1-63 characters of a-z, 0-9, '-' or '_', starting with a letter or digit.");

    /// <inheritdoc/>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out SystemId result)
    {
        result = IsValid(s) ? new SystemId(s) : default;
        return IsValid(s);
    }

    /// <summary>Parses without a format provider.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, out SystemId result) => TryParse(s, null, out result);

    /// <inheritdoc/>
    public override string ToString() => Value;

    /// <summary>Ids are equal by text, so the default value equals <see cref="Velib"/>.</summary>
    public bool Equals(SystemId other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
