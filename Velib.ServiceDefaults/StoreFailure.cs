using StackExchange.Redis;

namespace Velib.ServiceDefaults;

/// <summary>Why a connection to the store failed, as operators need to tell it: each needs a different fix.</summary>
public sealed record StoreFailure(ConnectionFailureType Type, string Reason)
{
    public static readonly StoreFailure Password = new(ConnectionFailureType.AuthenticationFailure, "refused the password (authentication failed)");

    public static readonly StoreFailure TlsHandshake = new(ConnectionFailureType.AuthenticationFailure, "failed the TLS handshake (certificate not trusted?)");

    public static StoreFailure Unreachable(ConnectionFailureType type) => new(type, $"is unreachable ({type})");

    public string Describe(string endpoint) => $"the store at {endpoint} {Reason}; retrying";
}
