namespace Velib.Tests.Integration;

/// <summary>
/// bench/hosts.sh runs seven processes and times failovers against a 60 s goal; on two cores it must not share them
/// with the other integration tests, so its collection runs alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HostsCollection
{
    public const string Name = "Hosts";
}
