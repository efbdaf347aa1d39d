namespace Velib.Tests.Support;

/// <summary>The theory form of <see cref="SharedDataFactAttribute"/>.</summary>
public sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    public SharedDataTheoryAttribute()
    {
        if (SharedData.Root is null && !SharedData.IsCi)
        {
            Skip = "Needs ../shared/data beside the repository (real Vélib' files); not found.";
        }
    }
}
