using System.Diagnostics;
using k8s;
using Velib.Tests.Support;

namespace Velib.Tests.Deployment;

/// <summary>Renders a kustomization with <c>kubectl kustomize</c> and parses every document strictly.</summary>
public static class Kustomize
{
    public static string? Kubectl { get; } = FindOnPath("kubectl");

    /// <summary>The rendered YAML of <paramref name="directory"/> (relative to the repository); fails with kubectl's error.</summary>
    public static async Task<string> RenderAsync(string directory)
    {
        var start = new ProcessStartInfo(Kubectl ?? throw new InvalidOperationException("kubectl is not on PATH"))
        {
            ArgumentList = { "kustomize", directory },
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().Within(TimeSpan.FromMinutes(1), $"kubectl kustomize {directory} did not finish");
        Assert.True(process.ExitCode == 0, $"kubectl kustomize {directory} failed ({process.ExitCode}): {await error}");
        return await output;
    }

    /// <summary>Every document as its typed model; a field the model does not know fails (strict).</summary>
    public static async Task<Manifests> LoadAsync(string directory) =>
        new([.. KubernetesYaml.LoadAllFromString(await RenderAsync(directory), typeMap: null, strict: true).Cast<IKubernetesObject>()]);

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);
}
