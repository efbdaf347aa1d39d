namespace Velib.Gbfs;

/// <summary>A feed document that cannot be used at all; the whole document is rejected.</summary>
public sealed class FeedFormatException(string message, Exception? inner = null) : Exception(message, inner);
