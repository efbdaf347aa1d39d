namespace Velib.Tests.Support;

/// <summary>A silo's services, except that the membership table asked for is <paramref name="table"/>.</summary>
public sealed class MembershipTableOverride(IServiceProvider services, IMembershipTable table) : IServiceProvider
{
    public object? GetService(Type serviceType) => serviceType == typeof(IMembershipTable) ? table : services.GetService(serviceType);
}
