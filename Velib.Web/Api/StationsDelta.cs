using Velib.Contracts.Stations;

namespace Velib.Web.Api;

/// <summary>
/// The body of <c>/api/stations?since=…</c>: the stations changed after <see cref="FromVersion"/>, up to
/// <see cref="ToVersion"/>. When <see cref="FullReload"/> is true the version was too old to diff: get
/// <c>/api/stations</c> again. Stations have the <c>/api/stations</c> shape: names come from <c>/api/stations/information</c>.
/// </summary>
public sealed record StationsDelta(long FromVersion, long ToVersion, bool FullReload, IReadOnlyList<StationJson> Stations, IReadOnlyList<long> Removed);
