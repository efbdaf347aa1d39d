namespace Velib.Tests.Support;

/// <summary>
/// A fact that mounts a small filesystem (a full disk on demand), so it needs root. Otherwise it is skipped with a
/// visible reason, except under <c>CI=true</c>, where it runs and fails.
/// </summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (Environment.UserName != "root" && !SharedData.IsCi)
        {
            Skip = "Needs root, to mount a small tmpfs as the store's disk.";
        }
    }
}
