namespace Velib.Silo.Feed;

/// <summary>A feed document could not be downloaded. <see cref="Kind"/> tags the error metric.</summary>
public sealed class FeedFetchException(string kind, string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary><c>http</c>, <c>timeout</c>, <c>size</c> or <c>truncated</c>.</summary>
    public string Kind { get; } = kind;
}
