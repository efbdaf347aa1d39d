using System.Collections.Immutable;

namespace Velib.Contracts.Systems;

/// <summary>
/// The one directory of systems (key <see cref="Key"/>): each ingestion grain reports its summary after a cycle,
/// and readers list the systems or find those a bounding box touches without calling every ingestion grain.
/// It holds nothing the ingestion grains cannot report again, so it keeps no state of its own.
/// </summary>
public interface ISystemDirectoryGrain : IGrainWithStringKey
{
    /// <summary>The grain's only key.</summary>
    const string Key = "directory";

    /// <summary>Records a system's latest summary (one-way: a cycle never waits on the directory).</summary>
    [OneWay]
    Task Report(SystemSummary summary);

    /// <summary>Forgets a system that is no longer configured; its history stays in the lake.</summary>
    Task Forget(SystemId id);

    /// <summary>Every known system, ordered by id.</summary>
    [AlwaysInterleave]
    Task<ImmutableArray<SystemSummary>> List();
}
