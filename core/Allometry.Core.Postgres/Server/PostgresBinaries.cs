namespace Allometry.Core.Postgres.Server;

using System.Diagnostics;
using System.Globalization;

/// <summary>Finds the folder holding the PostgreSQL server programs (initdb, pg_ctl, postgres, psql).</summary>
public static class PostgresBinaries
{
    /// <summary>The message when no server binaries are installed.</summary>
    public const string NotFoundMessage =
        "PostgreSQL server binaries not found: install the Debian packages postgresql and postgresql-contrib " +
        "(apt-get install -y postgresql postgresql-contrib)";

    private const string DebianRoot = "/usr/lib/postgresql";

    /// <summary>
    /// The bin folder: <paramref name="configured"/> when given, else <c>pg_config --bindir</c> when
    /// it names a folder with initdb and pg_ctl, else the highest <c>/usr/lib/postgresql/&lt;version&gt;/bin</c>.
    /// </summary>
    /// <exception cref="PostgresServerException">No folder holds initdb and pg_ctl.</exception>
    public static string Locate(string? configured = null)
    {
        if (configured is not null)
        {
            return HasServerPrograms(configured)
                ? configured
                : throw new PostgresServerException($"{NotFoundMessage}. The configured folder '{configured}' has no initdb and pg_ctl.");
        }
        var fromPgConfig = AskPgConfig();
        if (fromPgConfig is not null && HasServerPrograms(fromPgConfig))
        {
            return fromPgConfig;
        }
        return FindDebianBin() ?? throw new PostgresServerException(NotFoundMessage);
    }

    /// <summary>The path of one program (e.g. <c>psql</c>) in the located bin folder.</summary>
    public static string Program(string binDirectory, string name) => Path.Combine(binDirectory, name);

    private static bool HasServerPrograms(string dir) =>
        File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl"));

    private static string? FindDebianBin()
    {
        if (!Directory.Exists(DebianRoot)) return null;
        return Directory.EnumerateDirectories(DebianRoot)
            .Select(d => (Dir: d, Version: decimal.TryParse(Path.GetFileName(d), NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : -1m))
            .Where(d => d.Version >= 0 && HasServerPrograms(Path.Combine(d.Dir, "bin")))
            .OrderByDescending(d => d.Version)
            .Select(d => Path.Combine(d.Dir, "bin"))
            .FirstOrDefault();
    }

    // pg_config on PATH is the usual way to ask "which PostgreSQL is installed"; a missing
    // pg_config is normal (Debian ships it with libpq-dev), so failing to start it means "not known".
    private static string? AskPgConfig()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        var pgConfig = path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, "pg_config"))
            .FirstOrDefault(File.Exists);
        if (pgConfig is null) return null;
        var psi = new ProcessStartInfo(pgConfig, "--bindir")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(psi);
        if (process is null) return null;
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return process.ExitCode == 0 && output.Length > 0 ? output : null;
    }
}
