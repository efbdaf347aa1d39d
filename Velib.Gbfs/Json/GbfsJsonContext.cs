using System.Text.Json;
using System.Text.Json.Serialization;

namespace Velib.Gbfs.Json;

[JsonSourceGenerationOptions(ReadCommentHandling = JsonCommentHandling.Skip, MaxDepth = 64)]
[JsonSerializable(typeof(GbfsFeed<StatusData>))]
[JsonSerializable(typeof(GbfsFeed<InformationData>))]
[JsonSerializable(typeof(GbfsFeed<VehicleTypesData>))]
[JsonSerializable(typeof(GbfsFeed<DiscoveryData>))]
[JsonSerializable(typeof(LanguageDto))]
[JsonSerializable(typeof(List<LocalizedTextDto>))]
internal sealed partial class GbfsJsonContext : JsonSerializerContext;
