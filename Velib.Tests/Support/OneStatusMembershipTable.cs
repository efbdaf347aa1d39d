using Orleans.Runtime;

namespace Velib.Tests.Support;

/// <summary>
/// A membership table that lists every silo asked about with one status (or lists none): what a silo's
/// <c>SiloStanding</c> reads, without touching the cluster's real table, whose "dead" row would make Orleans stop
/// the silo. Only the row read is served; nothing else reads this table.
/// </summary>
public sealed class OneStatusMembershipTable(SiloStatus? status) : IMembershipTable
{
    public Task<MembershipTableData> ReadRowAsync(SiloAddress key, CancellationToken cancellationToken = default)
    {
        var version = new TableVersion(1, "1");
        if (status is not { } listed) return Task.FromResult(new MembershipTableData(version));
        var entry = new MembershipEntry { SiloAddress = key, Status = listed, SiloName = "silo", HostName = "127.0.0.1" };
        return Task.FromResult(new MembershipTableData(Tuple.Create(entry, "etag"), version));
    }

    public Task<MembershipTableData> ReadRow(SiloAddress key) => ReadRowAsync(key);

    public Task InitializeMembershipTable(bool tryInitTableVersion) => throw new NotSupportedException();

    public Task DeleteMembershipTableEntries(string clusterId) => throw new NotSupportedException();

    public Task CleanupDefunctSiloEntries(DateTimeOffset beforeDate) => throw new NotSupportedException();

    public Task<MembershipTableData> ReadAll() => throw new NotSupportedException();

    public Task<bool> InsertRow(MembershipEntry entry, TableVersion tableVersion) => throw new NotSupportedException();

    public Task<bool> UpdateRow(MembershipEntry entry, string etag, TableVersion tableVersion) => throw new NotSupportedException();

    public Task UpdateIAmAlive(MembershipEntry entry) => throw new NotSupportedException();
}
