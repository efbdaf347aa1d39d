namespace Velib.Tests.Support;

/// <summary>
/// A fact that needs the shared feed files. Without them it is skipped with a visible reason,
/// except under <c>CI=true</c>, where it runs and fails.
/// </summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (SharedData.Root is null && !SharedData.IsCi)
        {
            Skip = "Needs ../shared/data beside the repository (real Vélib' files); not found.";
        }
    }
}
