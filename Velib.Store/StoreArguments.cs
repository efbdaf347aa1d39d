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
        var password = environment(PasswordVariable);
        if (string.IsNullOrEmpty(password))
        {
            return args;
        }
        return [.. args, "--auth", "Password", "--password", password];
    }

    public static bool RequiresPassword(Func<string, string?> environment) => !string.IsNullOrEmpty(environment(PasswordVariable));
}
