using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Velib.Store;

/// <summary>
/// One command to this process's own Garnet, over its own protocol: the only public view of what its recovery
/// replayed, and the one sure way to know whether it still accepts writes.
/// </summary>
internal static class StoreSelf
{
    /// <summary>The reply's text (a status line, or a bulk string's lines), or null when the store closed the connection instead.</summary>
    public static async Task<string?> AskAsync(string[] args, string? password, params string[] command)
    {
        var bind = Option(args, "--bind") ?? "127.0.0.1";
        var host = bind is "0.0.0.0" or "::" or "*" ? "127.0.0.1" : bind.Split(' ')[0];
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(host, int.Parse(Option(args, "--port") ?? "6379", CultureInfo.InvariantCulture));
        await using var stream = tcp.GetStream();
        stream.ReadTimeout = 10_000;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        if (!string.IsNullOrEmpty(password))
        {
            await stream.WriteAsync(Command("AUTH", password));
            await reader.ReadLineAsync();
        }
        await stream.WriteAsync(Command(command));
        var header = await reader.ReadLineAsync();
        if (header is null) return null;
        if (!header.StartsWith('$')) return header;
        var text = new StringBuilder();
        for (var line = await reader.ReadLineAsync(); !string.IsNullOrEmpty(line); line = await reader.ReadLineAsync()) text.AppendLine(line);
        return text.ToString();
    }

    public static string? Option(string[] args, string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    private static byte[] Command(params string[] parts) =>
        Encoding.UTF8.GetBytes($"*{parts.Length}\r\n" + string.Concat(parts.Select(p => $"${Encoding.UTF8.GetByteCount(p)}\r\n{p}\r\n")));
}
