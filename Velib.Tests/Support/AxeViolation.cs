namespace Velib.Tests.Support;

/// <summary>One rule that axe-core found broken, with the elements that break it.</summary>
public sealed record AxeViolation(string Id, string Impact, string Help, string[] Targets)
{
    public override string ToString() => $"{Id} ({Impact}): {Help}\n    " + string.Join("\n    ", Targets);
}
