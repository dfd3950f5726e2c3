namespace Allometry.Core.Postgres.Server;

using System.Globalization;

/// <summary>
/// The <c>postmaster.pid</c> a running server keeps in its data folder: line 1 is the process id,
/// line 2 the data folder, line 4 the port. After a crash the file stays behind; in a container
/// its pid may since belong to an unrelated process, which would make postgres refuse to start.
/// </summary>
internal sealed record PostmasterPidFile(string Path, int ProcessId, string DataDirectory, int Port)
{
    /// <summary>True when a postgres process with that pid is running on this data folder.</summary>
    public bool IsAlive => IsPostgresProcess(ProcessId, DataDirectory);

    public static PostmasterPidFile? Read(string dataDirectory)
    {
        var path = System.IO.Path.Combine(dataDirectory, "postmaster.pid");
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
        var pid = lines.Length > 0 && int.TryParse(lines[0].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : 0;
        var port = lines.Length > 3 && int.TryParse(lines[3].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var q) ? q : 0;
        var data = lines.Length > 1 ? lines[1].Trim() : dataDirectory;
        return new PostmasterPidFile(path, pid, data, port);
    }

    /// <summary>Removes the file left by a server that is no longer running.</summary>
    public void DeleteStale()
    {
        if (IsAlive)
        {
            throw new InvalidOperationException($"PostgreSQL (pid {ProcessId}) is still running on {DataDirectory}.");
        }
        File.Delete(Path);
    }

    private static bool IsPostgresProcess(int pid, string dataDirectory)
    {
        if (pid <= 0) return false;
        var cmdline = $"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/cmdline";
        if (!File.Exists(cmdline))
        {
            // No /proc (macOS): fall back to "a process with that id exists".
            if (Directory.Exists("/proc/self")) return false;
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(pid);
                return !process.HasExited;
            }
            catch (ArgumentException)
            {
                return false;
            }
        }
        string text;
        try
        {
            text = File.ReadAllText(cmdline);
        }
        catch (IOException)
        {
            return false; // the process exited while we looked
        }
        var args = text.Split('\0', StringSplitOptions.RemoveEmptyEntries);
        return args.Length > 0
            && System.IO.Path.GetFileName(args[0]) is "postgres" or "postmaster"
            && args.Any(a => a.TrimEnd('/') == dataDirectory.TrimEnd('/'));
    }
}
