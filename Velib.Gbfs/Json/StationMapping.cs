using Velib.Contracts.Stations;

namespace Velib.Gbfs.Json;

/// <summary>From a record as the feed spelled it to the normalized record, checking what the converters cannot.</summary>
internal static class StationMapping
{
    public static bool TryMap(StatusDto s, VehicleTypeTable types, out StationStatusRecord record)
    {
        var bikes = s.Bikes ?? s.Vehicles ?? -1;
        int mechanical = 0, ebike = 0;
        var hasSplit = s.VelibSplit is not null || s.VehicleTypes is not null;
        if (s.VelibSplit is { } split)
        {
            foreach (var part in split)
            {
                mechanical = part.Mechanical ?? mechanical;
                ebike = part.Ebike ?? ebike;
            }
        }
        else
        {
            foreach (var type in s.VehicleTypes ?? [])
            {
                if (type.Count < 0) bikes = -1;
                else if (type.TypeId is { } id && types.IsElectric(id)) ebike += type.Count;
                else mechanical += type.Count;
            }
        }
        // An unreadable vehicle count spoils the record even beside a readable bike count, as a bad value anywhere does.
        var valid = s.Id is { IsReadable: true } && bikes >= 0 && s.Docks is null or >= 0 && mechanical >= 0 && ebike >= 0
            && s.Vehicles != CountConverter.Unreadable
            && s.Installed != GbfsFlag.Unreadable && s.Renting != GbfsFlag.Unreadable && s.Returning != GbfsFlag.Unreadable;
        if (!hasSplit || mechanical + ebike != bikes)
        {
            // No split, or one that disagrees with the total: the total is authoritative.
            ebike = Math.Min(ebike, Math.Max(bikes, 0));
            mechanical = Math.Max(bikes, 0) - ebike;
        }
        record = new StationStatusRecord(s.Id?.Id ?? 0, mechanical, ebike, s.Docks ?? 0, s.Installed != GbfsFlag.False, s.Renting != GbfsFlag.False, s.Returning != GbfsFlag.False, s.LastReported);
        return valid;
    }

    public static bool TryMap(InformationDto s, out StationInfo record)
    {
        var id = s.Id ?? default;
        var code = s.StationCode ?? s.ShortName ?? id.Text ?? id.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        record = new StationInfo(id.Id, code, s.Name ?? code, s.Lat, s.Lon, s.Capacity);
        return s.Id is { IsReadable: true } && s.Lat is >= -90 and <= 90 && s.Lon is >= -180 and <= 180 && s.Capacity >= 0;
    }
}
