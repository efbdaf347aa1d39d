using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Velib.Silo.Ingestion;
using Velib.Tests.Support;

namespace Velib.Tests.Stations;

/// <summary>What a silo reads of its own standing in the membership table, before a fresh ingestion activation takes a lease.</summary>
[Unit]
public sealed class SiloStandingTests
{
    private static readonly FixedSiloDetails Silo = new(11111);

    private static SiloStanding With(IMembershipTable? table)
    {
        var services = new ServiceCollection();
        if (table is not null) services.AddSingleton(table);
        return new SiloStanding(services.BuildServiceProvider(), Silo);
    }

    [Theory]
    [InlineData(SiloStatus.Dead)]
    [InlineData(SiloStatus.ShuttingDown)]
    [InlineData(SiloStatus.Stopping)]
    [InlineData(SiloStatus.Active)]
    public async Task A_silo_reads_the_status_the_table_lists_for_it(SiloStatus listed)
    {
        Assert.Equal(listed, await With(new OneStatusMembershipTable(listed)).ReadAsync());
    }

    [Fact]
    public async Task A_silo_the_table_does_not_list_reads_active_since_nothing_says_otherwise()
    {
        Assert.Equal(SiloStatus.Active, await With(new OneStatusMembershipTable(null)).ReadAsync());
    }

    [Fact]
    public async Task A_host_without_a_membership_table_reads_active()
    {
        Assert.Equal(SiloStatus.Active, await With(null).ReadAsync());
    }
}
