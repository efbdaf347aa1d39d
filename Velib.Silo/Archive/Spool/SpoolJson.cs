using System.Text.Json.Serialization;
using Velib.Contracts.Stations;

namespace Velib.Silo.Archive.Spool;

/// <summary>Source-generated JSON for spool lines.</summary>
[JsonSerializable(typeof(StationChange))]
[JsonSerializable(typeof(StationRow))]
internal sealed partial class SpoolJson : JsonSerializerContext;
