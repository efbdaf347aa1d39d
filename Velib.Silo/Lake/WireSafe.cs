namespace Velib.Silo.Lake;

/// <summary>
/// S3, store and file-format exceptions do not cross the wire (Orleans has no codec for them): the lake's reader
/// grains give callers their message in one that does.
/// </summary>
internal static class WireSafe
{
    /// <summary>Runs <paramref name="read"/>; a failure of the lake or the store becomes "<paramref name="failed"/>: kind: message".</summary>
    public static async Task<T> Run<T>(string failed, Func<Task<T>> read)
    {
        try
        {
            return await read();
        }
        catch (Exception ex) when (ex is Amazon.Runtime.AmazonServiceException or StackExchange.Redis.RedisException or HttpRequestException
            or InvalidDataException)
        {
            throw new InvalidOperationException($"{failed}: {ex.GetType().Name}: {ex.Message}");
        }
    }
}
