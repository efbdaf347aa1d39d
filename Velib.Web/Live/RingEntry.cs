using System.Collections.Immutable;

namespace Velib.Web.Live;

/// <summary>One step of the live network, from <see cref="From"/> to <see cref="To"/>: what changed, and its encoded stream event.</summary>
public sealed record RingEntry(long From, long To, ImmutableArray<long> Changed, ImmutableArray<long> Removed, StreamEvent Event);
