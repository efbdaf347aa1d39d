namespace Velib.Store;

/// <summary>
/// Garnet's options: the command line (from the AppHost or the StatefulSet), plus the password from the
/// environment. The password is never on the command line, where every process of the host could read it
/// (<c>/proc/&lt;pid&gt;/cmdline</c>), and never printed.
/// </summary>
internal static class StoreArguments
{
    /// <summary>The store's password: an Aspire secret parameter locally, a Secret in Kubernetes.</summary>
    public const string PasswordVariable = "Velib__Store__Password";

    /// <summary>Seconds the store keeps serving after the first stop signal (8 by default), for the silos' last flush.</summary>
    public const string ShutdownGraceVariable = "STORE_SHUTDOWN_GRACE_SECONDS";

    public static string[] With(string[] args, Func<string, string?> environment)
    {
        // Garnet's own log at Warning unless told otherwise: it then says when its recovery met a corrupted AOF
        // record and stopped there (measured: "Fast-commit recovery scan … failed; recovering to the last valid
        // commit"); by default it says nothing at all.
        if (!args.Contains("--logger-level")) args = [.. args, "--logger-level", "Warning"];
        var password = environment(PasswordVariable);
        if (string.IsNullOrEmpty(password))
        {
            return args;
        }
        return [.. args, "--auth", "Password", "--password", password];
    }

    public static bool RequiresPassword(Func<string, string?> environment) => !string.IsNullOrEmpty(environment(PasswordVariable));
}
