namespace Velib.Lake.Storage;

/// <summary>
/// The lake as the archive sees it: somewhere to write objects, and where that is. The archive only adds objects
/// (listing, reading and deleting belong to the lake's reader and compactor), so it is given no more than this.
/// </summary>
public interface ILakeWriter
{
    /// <summary>The bucket written to.</summary>
    string Bucket { get; }

    /// <summary>The endpoint, as shown in the status (never a secret).</summary>
    string Endpoint { get; }

    /// <summary>Writes an object. Writing the same key again replaces it, which makes retries idempotent.</summary>
    Task PutAsync(string key, byte[] body, CancellationToken cancellationToken, string contentType = "application/vnd.apache.parquet");
}
