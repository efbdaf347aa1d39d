using Velib.Contracts.Stations;
using System.Text.Json;

namespace Velib.Gbfs;

/// <summary>Reads one station object. Each reader consumes the whole object, even when it rejects it.</summary>
internal static class StationRecordReaders
{
    public static bool TryReadStatus(ref Utf8JsonReader reader, VehicleTypeTable types, out StationStatusRecord record)
    {
        long id = 0;
        bool hasId = false, valid = true, installed = true, renting = true, returning = true;
        int bikes = -1, docks = 0, mechanical = 0, ebike = 0;
        bool hasSplit = false;
        DateTime? lastReported = null;

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("station_id"u8))
            {
                reader.Read();
                hasId = GbfsReader.TryStationId(ref reader, out id, out _);
            }
            else if (reader.ValueTextEquals("num_bikes_available"u8) || reader.ValueTextEquals("num_vehicles_available"u8))
            {
                reader.Read();
                valid &= GbfsReader.TryInt(ref reader, out bikes) && bikes >= 0;
            }
            else if (reader.ValueTextEquals("num_docks_available"u8))
            {
                reader.Read();
                valid &= GbfsReader.TryInt(ref reader, out docks) && docks >= 0;
            }
            else if (reader.ValueTextEquals("is_installed"u8)) { reader.Read(); valid &= GbfsReader.TryFlag(ref reader, out installed); }
            else if (reader.ValueTextEquals("is_renting"u8)) { reader.Read(); valid &= GbfsReader.TryFlag(ref reader, out renting); }
            else if (reader.ValueTextEquals("is_returning"u8)) { reader.Read(); valid &= GbfsReader.TryFlag(ref reader, out returning); }
            else if (reader.ValueTextEquals("last_reported"u8))
            {
                reader.Read();
                lastReported = GbfsReader.TryTimestamp(ref reader, out var ts) ? ts : null;
            }
            else if (reader.ValueTextEquals("num_bikes_available_types"u8))
            {
                reader.Read();
                valid &= TryReadVelibSplit(ref reader, ref mechanical, ref ebike);
                hasSplit = true;
            }
            else if (reader.ValueTextEquals("vehicle_types_available"u8) && !hasSplit)
            {
                reader.Read();
                valid &= TryReadVehicleTypes(ref reader, types, ref mechanical, ref ebike);
                hasSplit = true;
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        valid &= hasId && bikes >= 0 && mechanical >= 0 && ebike >= 0;
        if (!hasSplit || mechanical + ebike != bikes)
        {
            // No split, or one that disagrees with the total: the total is authoritative.
            ebike = Math.Min(ebike, Math.Max(bikes, 0));
            mechanical = Math.Max(bikes, 0) - ebike;
        }
        record = new StationStatusRecord(id, mechanical, ebike, docks, installed, renting, returning, lastReported);
        return valid;
    }

    public static bool TryReadInformation(ref Utf8JsonReader reader, out StationInfo record)
    {
        long id = 0;
        string? idText = null, code = null, shortName = null, name = null;
        double lat = double.NaN, lon = double.NaN;
        int capacity = 0;
        bool hasId = false, valid = true;

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("station_id"u8)) { reader.Read(); hasId = GbfsReader.TryStationId(ref reader, out id, out idText); }
            else if (reader.ValueTextEquals("stationCode"u8)) { reader.Read(); code = GbfsReader.ReadText(ref reader); }
            else if (reader.ValueTextEquals("short_name"u8)) { reader.Read(); shortName = GbfsReader.ReadText(ref reader); }
            else if (reader.ValueTextEquals("name"u8)) { reader.Read(); name = GbfsReader.ReadText(ref reader); }
            else if (reader.ValueTextEquals("lat"u8)) { reader.Read(); valid &= GbfsReader.TryDouble(ref reader, out lat); }
            else if (reader.ValueTextEquals("lon"u8)) { reader.Read(); valid &= GbfsReader.TryDouble(ref reader, out lon); }
            else if (reader.ValueTextEquals("capacity"u8)) { reader.Read(); valid &= GbfsReader.TryInt(ref reader, out capacity) && capacity >= 0; }
            else { reader.Read(); reader.Skip(); }
        }

        valid &= hasId && lat is >= -90 and <= 90 && lon is >= -180 and <= 180;
        code ??= shortName ?? idText ?? id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        record = new StationInfo(id, code, name ?? code, lat, lon, capacity);
        return valid;
    }

    /// <summary>Vélib's <c>[{"mechanical": n}, {"ebike": m}]</c>.</summary>
    private static bool TryReadVelibSplit(ref Utf8JsonReader reader, ref int mechanical, ref int ebike)
    {
        if (reader.TokenType != JsonTokenType.StartArray) { reader.Skip(); return false; }
        var valid = true;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject) { reader.Skip(); valid = false; continue; }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isMechanical = reader.ValueTextEquals("mechanical"u8);
                var isEbike = reader.ValueTextEquals("ebike"u8);
                reader.Read();
                if (isMechanical) valid &= GbfsReader.TryInt(ref reader, out mechanical);
                else if (isEbike) valid &= GbfsReader.TryInt(ref reader, out ebike);
                else reader.Skip();
            }
        }
        return valid;
    }

    /// <summary>GBFS 2.1+ <c>[{"vehicle_type_id": "…", "count": n}]</c>, split by propulsion.</summary>
    private static bool TryReadVehicleTypes(ref Utf8JsonReader reader, VehicleTypeTable types, ref int mechanical, ref int ebike)
    {
        if (reader.TokenType != JsonTokenType.StartArray) { reader.Skip(); return false; }
        var valid = true;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject) { reader.Skip(); valid = false; continue; }
            bool electric = false;
            int count = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isType = reader.ValueTextEquals("vehicle_type_id"u8);
                var isCount = reader.ValueTextEquals("count"u8);
                reader.Read();
                if (isType && reader.TokenType == JsonTokenType.String) electric = types.IsElectric(ref reader);
                else if (isCount) valid &= GbfsReader.TryInt(ref reader, out count) && count >= 0;
                else reader.Skip();
            }
            if (electric) ebike += count; else mechanical += count;
        }
        return valid;
    }
}
