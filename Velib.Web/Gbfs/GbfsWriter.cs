using System.Text.Json;
using Velib.Contracts.Stations;

namespace Velib.Web.Gbfs;

/// <summary>
/// Writes the normalized network as GBFS 3.0: string ids, booleans, RFC 3339 times, vehicle types for mechanical
/// bikes and e-bikes, localized names. Vélib' publishes GBFS 1.0 with quirks; this is the same data, standard.
/// </summary>
internal static class GbfsWriter
{
    public const string Version = "3.0";
    public static readonly string[] Feeds = ["system_information", "vehicle_types", "station_information", "station_status"];
    private const string Mechanical = "mechanical", Ebike = "ebike";

    public static byte[] Discovery(string baseUrl, NetworkSnapshot network, int ttl) => Write(network, ttl, w =>
    {
        w.WriteStartArray("feeds");
        foreach (var feed in Feeds)
        {
            w.WriteStartObject();
            w.WriteString("name", feed);
            w.WriteString("url", $"{baseUrl}/{feed}.json");
            w.WriteEndObject();
        }
        w.WriteEndArray();
    });

    public static byte[] SystemInformation(NetworkSnapshot network, int ttl, GbfsOptions options) => Write(network, ttl, w =>
    {
        w.WriteString("system_id", "velib");
        w.WriteStartArray("languages"); w.WriteStringValue("fr"); w.WriteStringValue("en"); w.WriteEndArray();
        Localized(w, "name", network.Simulated ? "Vélib' Métropole (SIMULATED network)" : "Vélib' Métropole");
        Localized(w, "attribution_organization_name", "Vélib' Métropole / Smovengo open data");
        w.WriteString("opening_hours", "24/7");
        w.WriteString("feed_contact_email", options.FeedContactEmail);
        w.WriteString("timezone", "Europe/Paris");
        // Vélib' open data: Licence Ouverte / Open Licence (Etalab) 2.0.
        w.WriteString("license_id", "etalab-2.0");
    });

    public static byte[] VehicleTypes(NetworkSnapshot network, int ttl, GbfsOptions options) => Write(network, ttl, w =>
    {
        w.WriteStartArray("vehicle_types");
        VehicleType(w, Mechanical, "human", "Vélo mécanique", "Mechanical bike", null);
        VehicleType(w, Ebike, "electric_assist", "Vélo électrique", "E-bike", options.EbikeRangeMeters);
        w.WriteEndArray();
    });

    public static byte[] StationInformation(NetworkSnapshot network, int ttl) => Write(network, ttl, w =>
    {
        w.WriteStartArray("stations");
        foreach (var s in network.Stations)
        {
            w.WriteStartObject();
            w.WriteString("station_id", Id(s));
            Localized(w, "name", s.Name);
            Localized(w, "short_name", s.Code);
            w.WriteNumber("lat", s.Lat);
            w.WriteNumber("lon", s.Lon);
            w.WriteNumber("capacity", s.Capacity);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    });

    public static byte[] StationStatus(NetworkSnapshot network, int ttl) => Write(network, ttl, w =>
    {
        w.WriteStartArray("stations");
        foreach (var s in network.Stations)
        {
            w.WriteStartObject();
            w.WriteString("station_id", Id(s));
            w.WriteNumber("num_vehicles_available", s.Mechanical + s.Ebike);
            w.WriteStartArray("vehicle_types_available");
            Count(w, Mechanical, s.Mechanical);
            Count(w, Ebike, s.Ebike);
            w.WriteEndArray();
            w.WriteNumber("num_docks_available", s.Docks);
            w.WriteBoolean("is_installed", s.Installed);
            w.WriteBoolean("is_renting", s.Renting);
            w.WriteBoolean("is_returning", s.Returning);
            w.WriteString("last_reported", Rfc3339(s.LastReportedUtc ?? network.ObservedUtc ?? DateTime.UnixEpoch));
            w.WriteEndObject();
        }
        w.WriteEndArray();
    });

    private static byte[] Write(NetworkSnapshot network, int ttl, Action<Utf8JsonWriter> data)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("last_updated", Rfc3339(network.FeedUpdatedUtc ?? network.ObservedUtc ?? DateTime.UnixEpoch));
            w.WriteNumber("ttl", ttl);
            w.WriteString("version", Version);
            w.WriteStartObject("data");
            data(w);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static string Id(Station s) => s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Rfc3339(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A GBFS localized string: an array of <c>{text, language}</c>; French unless other pairs are given.</summary>
    private static void Localized(Utf8JsonWriter w, string name, string text, params (string Text, string Language)[] others)
    {
        w.WriteStartArray(name);
        foreach (var (t, language) in others.Length == 0 ? [(text, "fr")] : others)
        {
            w.WriteStartObject(); w.WriteString("text", t); w.WriteString("language", language); w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void VehicleType(Utf8JsonWriter w, string id, string propulsion, string french, string english, int? rangeMeters)
    {
        w.WriteStartObject();
        w.WriteString("vehicle_type_id", id);
        w.WriteString("form_factor", "bicycle");
        w.WriteString("propulsion_type", propulsion);
        if (rangeMeters is { } range) w.WriteNumber("max_range_meters", range);
        Localized(w, "name", french, (french, "fr"), (english, "en"));
        w.WriteEndObject();
    }

    private static void Count(Utf8JsonWriter w, string vehicleType, int count)
    {
        w.WriteStartObject(); w.WriteString("vehicle_type_id", vehicleType); w.WriteNumber("count", count); w.WriteEndObject();
    }
}
