using System.Diagnostics;

namespace Velib.Tests.Support;

/// <summary>
/// A tmpfs of a few megabytes, mounted for one test (root only, see <see cref="RootFactAttribute"/>): a disk that
/// fills up when the test wants it to, and grows again with <see cref="ResizeAsync"/>.
/// </summary>
public sealed class SmallDisk : IDisposable
{
    private SmallDisk(string path) => Path = path;

    public string Path { get; }

    public static async Task<SmallDisk> MountAsync(string size)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "velib-disk-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        await Root.RunAsync("mount", "-t", "tmpfs", "-o", $"size={size}", "tmpfs", path);
        return new SmallDisk(path);
    }

    public Task ResizeAsync(string size) => Root.RunAsync("mount", "-o", $"remount,size={size}", Path);

    public void Dispose()
    {
        Process.Start("umount", ["-l", Path])!.WaitForExit(10_000);
        if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
    }
}
