using System.Globalization;

namespace Velib.Tests.Support;

/// <summary>
/// Processes under a given one, read from /proc (Linux). DCP starts each project through <c>dotnet run</c>: the pid it
/// reports is that wrapper's, whose memory never moves; the project itself is its child (as bench/riders.sh finds
/// it with pgrep).
/// </summary>
public static class ProcessTree
{
    /// <summary>
    /// The process at or under <paramref name="root"/> that runs <paramref name="project"/> (its apphost executable or
    /// its dll, e.g. Velib.Web or Velib.Web.dll), not the <c>dotnet run</c> that started it.
    /// </summary>
    public static int? Running(int root, string project)
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || Read($"{dir}/stat") is not { } stat) continue;
            // The command name, in parentheses, may hold spaces: the fields after it are what counts.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            parents[pid] = int.Parse(fields[1], CultureInfo.InvariantCulture);
        }
        var queue = new Queue<int>([root]);
        while (queue.TryDequeue(out var pid))
        {
            if (Runs(pid, project)) return pid;
            foreach (var child in parents.Where(p => p.Value == pid).Select(p => p.Key)) queue.Enqueue(child);
        }
        return null;
    }

    /// <summary>The resident memory of <paramref name="pid"/> (VmRSS), in bytes.</summary>
    public static long ResidentBytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    private static bool Runs(int pid, string project)
    {
        var arguments = (Read($"/proc/{pid}/cmdline") ?? "").Split('\0', StringSplitOptions.RemoveEmptyEntries);
        // `dotnet run --project …/Velib.Web` names the project too, but as a folder after --project: only the first two
        // arguments (the executable, or dotnet and the dll) say what the process runs.
        return arguments.Take(2).Any(a => Path.GetFileName(a) == project || Path.GetFileName(a) == project + ".dll");
    }

    private static string? Read(string path)
    {
        try { return File.ReadAllText(path); }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }
}
