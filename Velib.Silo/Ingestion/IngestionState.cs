using Velib.Contracts.Feed;
using Velib.Contracts.Stations;

namespace Velib.Silo.Ingestion;

/// <summary>
/// What the ingestion grain persists: the last network it committed. A new activation (after a failover or a
/// restart) diffs against it, so it neither loses a change nor re-emits 1,500 "first observations".
/// </summary>
[GenerateSerializer, Alias("velib.IngestionState")]
internal sealed class IngestionState
{
    [Id(0)] public NetworkSnapshot? Network { get; set; }

    /// <summary>The mode an operator switched to (dashboard command), kept across failovers; null: the configured one.</summary>
    [Id(1)] public FeedMode? Mode { get; set; }
}
