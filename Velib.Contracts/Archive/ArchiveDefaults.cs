namespace Velib.Contracts.Archive;

/// <summary>
/// Defaults of the archive that several processes must agree on. The AppHost compiles this file too
/// (linked, not referenced), so the default bucket is written once.
/// </summary>
#if VELIB_APPHOST
internal // in the AppHost, so that tests referencing both assemblies see one type
#else
public
#endif
static class ArchiveDefaults
{
    /// <summary>The archive bucket when <c>Velib:S3:Bucket</c> is not set.</summary>
    public const string Bucket = "velib-archive";
}
