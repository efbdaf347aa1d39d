using System.Diagnostics;

namespace Velib.Lake.Storage;

/// <summary>The lake's trace source. It bears the app's source name, so the silo's telemetry exports its S3 spans as before.</summary>
public static class LakeActivity
{
    public const string Name = "Velib";

    public static readonly ActivitySource Source = new(Name);
}
