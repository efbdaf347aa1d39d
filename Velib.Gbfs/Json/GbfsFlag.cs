namespace Velib.Gbfs.Json;

/// <summary>
/// A GBFS flag as a record spelled it. Absent reads as true (GBFS 1.0 allows it); <see cref="Unreadable"/> makes the
/// record bad, which <see cref="StationMapping"/> sees without the converter having to throw.
/// </summary>
internal enum GbfsFlag : byte
{
    Absent,
    False,
    True,
    Unreadable,
}
