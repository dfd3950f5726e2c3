namespace Allometry.Core.Postgres.Server;

using System.Diagnostics;

/// <summary>
/// Runs the PostgreSQL programs. initdb and postgres refuse to run as root, so when this process
/// is root they run as the <c>postgres</c> system user through <c>runuser</c> (or <c>su</c>).
/// </summary>
internal static class ServerProcess
{
    public const string ServiceUser = "postgres";

    // .NET reads the user name of the effective uid (getpwuid(geteuid())) on Unix.
    public static bool IsRoot { get; } = !OperatingSystem.IsWindows() && Environment.UserName == "root";

    public sealed record Result(int ExitCode, string StandardOutput, string StandardError)
    {
        public string Output => (StandardOutput + Environment.NewLine + StandardError).Trim();
    }

    /// <summary>Runs a PostgreSQL program to completion, as the service user when we are root.</summary>
    public static async Task<Result> RunAsync(string program, IReadOnlyList<string> arguments, string workingDirectory, TimeSpan timeout, CancellationToken ct)
    {
        var psi = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        if (IsRoot)
        {
            if (File.Exists("/usr/sbin/runuser") || File.Exists("/sbin/runuser"))
            {
                psi.FileName = File.Exists("/usr/sbin/runuser") ? "/usr/sbin/runuser" : "/sbin/runuser";
                psi.ArgumentList.Add("-u");
                psi.ArgumentList.Add(ServiceUser);
                psi.ArgumentList.Add("--");
                psi.ArgumentList.Add(program);
                foreach (var a in arguments) psi.ArgumentList.Add(a);
            }
            else
            {
                psi.FileName = "su";
                psi.ArgumentList.Add(ServiceUser);
                psi.ArgumentList.Add("-s");
                psi.ArgumentList.Add("/bin/sh");
                psi.ArgumentList.Add("-c");
                psi.ArgumentList.Add(string.Join(' ', new[] { program }.Concat(arguments).Select(ShellQuote)));
            }
        }
        else
        {
            psi.FileName = program;
            foreach (var a in arguments) psi.ArgumentList.Add(a);
        }
        // Locale variables of the caller would leak into initdb's defaults; we pass what we mean.
        psi.Environment.Remove("PGDATA");
        psi.Environment.Remove("PGPORT");
        psi.Environment["LC_MESSAGES"] = "C";

        using var process = new Process { StartInfo = psi };
        try
        {
            process.Start();
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or FileNotFoundException)
        {
            throw new PostgresServerException($"Could not run {psi.FileName}: {ex.Message}", ex);
        }
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        using var timeoutCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeoutCts.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(timeoutCts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new PostgresServerException($"{Path.GetFileName(program)} did not finish within {timeout.TotalSeconds:0} s.");
        }
        return new Result(process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
    }

    /// <summary>Gives a folder to the service user when we are root: the server writes its log and runs initdb there.</summary>
    public static async Task ChownToServiceUserAsync(string path, CancellationToken ct)
    {
        if (!IsRoot) return;
        var psi = new ProcessStartInfo("chown") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        psi.ArgumentList.Add($"{ServiceUser}:");
        psi.ArgumentList.Add(path);
        using var process = Process.Start(psi) ?? throw new PostgresServerException("Could not run chown.");
        var error = await process.StandardError.ReadToEndAsync(ct).ConfigureAwait(false);
        await process.WaitForExitAsync(ct).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new PostgresServerException(
                $"Could not give '{path}' to the '{ServiceUser}' system user (PostgreSQL refuses to run as root): {error.Trim()}. " +
                "Install the Debian package postgresql, which creates that user.");
        }
    }

    /// <summary>
    /// The service user must be able to walk down to a folder it owns; a parent such as /root
    /// (mode 700) would stop it. Adds only the search (x) bit for others, never read or write.
    /// </summary>
    public static void MakeAncestorsTraversable(string path)
    {
        if (!IsRoot || OperatingSystem.IsWindows()) return;
        for (var dir = Directory.GetParent(Path.GetFullPath(path)); dir is not null; dir = dir.Parent)
        {
            var mode = File.GetUnixFileMode(dir.FullName);
            if (!mode.HasFlag(UnixFileMode.OtherExecute))
            {
                File.SetUnixFileMode(dir.FullName, mode | UnixFileMode.OtherExecute);
            }
        }
    }

    private static string ShellQuote(string s) => "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
