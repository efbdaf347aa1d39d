using System.Text;
using System.Text.Json;

namespace Velib.Web.Live;

/// <summary>
/// Encodes Server-Sent Events. Written by hand because it is three fixed lines around a JSON payload; the JSON
/// serializer never writes a raw line break, so one <c>data:</c> line is always enough.
/// </summary>
public static class StreamEvents
{
    public const string Full = "full", Delta = "delta", Status = "status";

    /// <summary>Sent to every client every heartbeat interval: a comment, which EventSource ignores, but which keeps proxies from closing an idle stream.</summary>
    public static readonly StreamEvent Heartbeat = new(null, Encoding.UTF8.GetBytes(": heartbeat\n\n"));

    /// <summary>Tells EventSource how long to wait before it reconnects after a drop.</summary>
    public static readonly StreamEvent Retry = new(null, Encoding.UTF8.GetBytes("retry: 2000\n\n"));

    public static StreamEvent Versioned(string name, long version, ReadOnlySpan<byte> json) =>
        new(version, Encode(name, version, json));

    public static StreamEvent Unversioned<T>(string name, T body) =>
        new(null, Encode(name, null, JsonSerializer.SerializeToUtf8Bytes(body, JsonSerializerOptions.Web)));

    private static byte[] Encode(string name, long? id, ReadOnlySpan<byte> json)
    {
        var head = id is { } v ? $"event: {name}\nid: {v}\ndata: " : $"event: {name}\ndata: ";
        var bytes = new byte[Encoding.UTF8.GetByteCount(head) + json.Length + 2];
        var written = Encoding.UTF8.GetBytes(head, bytes);
        json.CopyTo(bytes.AsSpan(written));
        bytes[^2] = (byte)'\n';
        bytes[^1] = (byte)'\n';
        return bytes;
    }
}
