using System.Text.Json;
using System.Text.Json.Serialization;

namespace Velib.Contracts.Systems;

/// <summary>Writes a <see cref="SystemId"/> as its text, and refuses invalid text when reading.</summary>
public sealed class SystemIdJsonConverter : JsonConverter<SystemId>
{
    /// <inheritdoc/>
    public override SystemId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        SystemId.TryParse(reader.GetString(), out var id) ? id : throw new JsonException("Invalid system id.");

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, SystemId value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}
