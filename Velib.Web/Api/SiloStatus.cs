namespace Velib.Web.Api;

/// <summary>One silo: <c>host:port</c> of its silo endpoint, and its membership status (Active, Joining, Dead, …).</summary>
public sealed record SiloStatus(string Address, string Status);
