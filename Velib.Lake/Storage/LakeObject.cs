namespace Velib.Lake.Storage;

/// <summary>
/// An object as a listing names it: its key and its version (the ETag, which changes whenever the key is written
/// again with other bytes). A reader that caches an object by key and version sees a rewritten object as a new one.
/// </summary>
public sealed record LakeObject(string Key, string Version);
