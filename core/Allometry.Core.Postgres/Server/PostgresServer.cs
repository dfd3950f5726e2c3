namespace Allometry.Core.Postgres.Server;

using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

/// <summary>
/// A private PostgreSQL server run from the machine's binaries, for when no connection string is
/// configured: the application's persistent cluster (<see cref="PostgresServerOptions.ForApp"/>)
/// or a throw-away one for tests (<see cref="PostgresServerOptions.ForTests"/>). It listens on
/// 127.0.0.1 only, on a free port, with trust authentication for <see cref="PostgresServerOptions.UserName"/>.
/// </summary>
/// <remarks>
/// A cluster another process already runs (a second CLI started while the first is running) is
/// attached to rather than started twice, and left running on dispose. A <c>postmaster.pid</c>
/// left by a crash is recognised as stale and removed.
/// </remarks>
public sealed partial class PostgresServer : IAsyncDisposable
{
    private const string PortFileName = "port";
    private const string LogFileName = "server.log";
    private const string DataFolderName = "data";

    private readonly PostgresServerOptions _options;
    private readonly string _binDirectory;
    private bool _stopped;

    private PostgresServer(PostgresServerOptions options, string binDirectory, int port, bool ownsProcess)
    {
        _options = options;
        _binDirectory = binDirectory;
        Port = port;
        OwnsProcess = ownsProcess;
        ConnectionString = BuildConnectionString(port, options.Database, options.UserName);
    }

    /// <summary>Connection string to <see cref="PostgresServerOptions.Database"/> on this server.</summary>
    public string ConnectionString { get; }

    /// <summary>The TCP port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>The cluster folder (<c>&lt;instance&gt;/data</c>).</summary>
    public string DataDirectory => Path.Combine(_options.InstanceDirectory, DataFolderName);

    /// <summary>The server's log file, for diagnosing a failed start.</summary>
    public string LogFile => Path.Combine(_options.InstanceDirectory, LogFileName);

    /// <summary>The bin folder the server runs from (psql lives there too).</summary>
    public string BinDirectory => _binDirectory;

    /// <summary>False when another process had already started this cluster: we attached and will not stop it.</summary>
    public bool OwnsProcess { get; }

    /// <summary>A connection string for another database of this server (tests create one per run).</summary>
    public string ConnectionStringFor(string database) => BuildConnectionString(Port, database, _options.UserName);

    /// <summary>
    /// Initialises the cluster when needed, starts it (or attaches to the running one) and makes
    /// sure the database exists.
    /// </summary>
    /// <exception cref="PostgresServerException">Binaries missing, initdb or start failed (the message carries the log's tail).</exception>
    public static async Task<PostgresServer> StartAsync(PostgresServerOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (OperatingSystem.IsWindows())
        {
            throw new PostgresServerException("The embedded PostgreSQL server runs on Linux or macOS; on Windows configure ConnectionStrings:Allometry.");
        }
        var bin = PostgresBinaries.Locate(options.BinDirectory);
        Directory.CreateDirectory(options.InstanceDirectory);
        ServerProcess.MakeAncestorsTraversable(options.InstanceDirectory);

        // Two CLIs starting the same cluster at once must not both run initdb or pg_ctl start.
        await using var startLock = await AcquireStartLockAsync(options, ct).ConfigureAwait(false);
        await ServerProcess.ChownToServiceUserAsync(options.InstanceDirectory, ct).ConfigureAwait(false);

        var data = Path.Combine(options.InstanceDirectory, DataFolderName);
        if (!File.Exists(Path.Combine(data, "PG_VERSION")))
        {
            await InitDbAsync(bin, options, data, ct).ConfigureAwait(false);
        }

        var running = PostmasterPidFile.Read(data);
        if (running is { IsAlive: true })
        {
            var attached = new PostgresServer(options, bin, running.Port, ownsProcess: false);
            await attached.EnsureDatabaseAsync(ct).ConfigureAwait(false);
            return attached;
        }
        running?.DeleteStale();

        var server = await StartProcessAsync(bin, options, data, ct).ConfigureAwait(false);
        try
        {
            await server.EnsureDatabaseAsync(ct).ConfigureAwait(false);
        }
        catch
        {
            await server.StopAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        return server;
    }

    /// <summary>Stops the server (fast shutdown) if this instance started it; idempotent.</summary>
    public async Task StopAsync(CancellationToken ct = default)
    {
        if (_stopped) return;
        _stopped = true;
        if (!OwnsProcess) return;
        NpgsqlConnection.ClearAllPools();
        var result = await ServerProcess.RunAsync(
            PostgresBinaries.Program(_binDirectory, "pg_ctl"),
            ["-D", DataDirectory, "-m", "fast", "-w", "-t", "60", "stop"],
            _options.InstanceDirectory, TimeSpan.FromSeconds(90), ct).ConfigureAwait(false);
        if (result.ExitCode != 0 && PostmasterPidFile.Read(DataDirectory) is { IsAlive: true })
        {
            throw new PostgresServerException($"pg_ctl stop failed: {result.Output}");
        }
    }

    /// <summary>Stops the server it started and, in test mode, deletes the instance folder.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        if (_options.DeleteOnDispose && Directory.Exists(_options.InstanceDirectory))
        {
            Directory.Delete(_options.InstanceDirectory, recursive: true);
        }
    }

    private static string BuildConnectionString(int port, string database, string user) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = port,
        Database = database,
        Username = user,
    }.ConnectionString;

    private static async Task InitDbAsync(string bin, PostgresServerOptions options, string data, CancellationToken ct)
    {
        if (Directory.Exists(data) && Directory.EnumerateFileSystemEntries(data).Any())
        {
            throw new PostgresServerException($"'{data}' is not empty but holds no PostgreSQL cluster (no PG_VERSION); move it away or delete it.");
        }
        var locale = await HasCUtf8LocaleAsync(ct).ConfigureAwait(false) ? "C.UTF-8" : "C";
        var result = await ServerProcess.RunAsync(
            PostgresBinaries.Program(bin, "initdb"),
            ["-D", data, "-A", "trust", "-U", options.UserName, "--encoding=UTF8", $"--locale={locale}", "--no-instructions"],
            options.InstanceDirectory, TimeSpan.FromMinutes(3), ct).ConfigureAwait(false);
        if (result.ExitCode != 0 && locale != "C")
        {
            DeleteDirectoryContents(data);
            result = await ServerProcess.RunAsync(
                PostgresBinaries.Program(bin, "initdb"),
                ["-D", data, "-A", "trust", "-U", options.UserName, "--encoding=UTF8", "--locale=C", "--no-instructions"],
                options.InstanceDirectory, TimeSpan.FromMinutes(3), ct).ConfigureAwait(false);
        }
        if (result.ExitCode != 0)
        {
            throw new PostgresServerException($"initdb failed for '{data}': {result.Output}");
        }
    }

    private static async Task<bool> HasCUtf8LocaleAsync(CancellationToken ct)
    {
        try
        {
            var result = await ServerProcess.RunAsync("locale", ["-a"], Path.GetTempPath(), TimeSpan.FromSeconds(10), ct).ConfigureAwait(false);
            return result.StandardOutput.Split('\n').Any(l => l.Trim().Equals("C.utf8", StringComparison.OrdinalIgnoreCase) || l.Trim().Equals("C.UTF-8", StringComparison.OrdinalIgnoreCase));
        }
        catch (PostgresServerException)
        {
            // No `locale` program: initdb will tell us whether C.UTF-8 works; we retry with C.
            return true;
        }
    }

    private static void DeleteDirectoryContents(string dir)
    {
        if (!Directory.Exists(dir)) return;
        foreach (var entry in Directory.EnumerateFileSystemEntries(dir))
        {
            if (Directory.Exists(entry)) Directory.Delete(entry, recursive: true);
            else File.Delete(entry);
        }
    }

    private static async Task<PostgresServer> StartProcessAsync(string bin, PostgresServerOptions options, string data, CancellationToken ct)
    {
        var portFile = Path.Combine(options.InstanceDirectory, PortFileName);
        var logFile = Path.Combine(options.InstanceDirectory, LogFileName);
        var preferred = File.Exists(portFile) && int.TryParse(await File.ReadAllTextAsync(portFile, ct).ConfigureAwait(false), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 0;
        string lastOutput = "";
        // A port probed free can be taken before postgres binds it; a few fresh tries cover that race.
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var port = attempt == 0 && preferred > 0 && IsPortFree(preferred) ? preferred : FindFreePort();
            var result = await ServerProcess.RunAsync(
                PostgresBinaries.Program(bin, "pg_ctl"),
                ["-D", data, "-l", logFile, "-w", "-t", ((int)options.StartTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture), "-o", ServerArguments(options, port), "start"],
                options.InstanceDirectory, options.StartTimeout + TimeSpan.FromSeconds(30), ct).ConfigureAwait(false);
            if (result.ExitCode == 0)
            {
                await File.WriteAllTextAsync(portFile, port.ToString(CultureInfo.InvariantCulture), ct).ConfigureAwait(false);
                return new PostgresServer(options, bin, port, ownsProcess: true);
            }
            lastOutput = result.Output;
            var log = TailOfLog(logFile);
            if (!log.Contains("could not bind", StringComparison.OrdinalIgnoreCase) && !log.Contains("Address already in use", StringComparison.OrdinalIgnoreCase))
            {
                break;
            }
        }
        throw new PostgresServerException($"PostgreSQL did not start from '{data}': {lastOutput}{Environment.NewLine}Last lines of {logFile}:{Environment.NewLine}{TailOfLog(logFile)}");
    }

    // Settings passed on the command line so a reused cluster always runs with the current ones.
    // pg_ctl hands -o to /bin/sh, hence the shell quoting of the empty socket directory.
    private static string ServerArguments(PostgresServerOptions options, int port)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["listen_addresses"] = "127.0.0.1",
            ["unix_socket_directories"] = "''",
            ["fsync"] = options.Fsync ? "on" : "off",
            // A private single-node server: no replication, so WAL can stay minimal, which lets a
            // bulk load into a table created in the same transaction skip WAL entirely.
            ["wal_level"] = "minimal",
            ["max_wal_senders"] = "0",
            // Million-row imports write gigabytes of WAL; frequent checkpoints would double it.
            ["max_wal_size"] = "4GB",
            ["checkpoint_timeout"] = "30min",
            ["maintenance_work_mem"] = "256MB",
        };
        if (!options.Fsync)
        {
            settings["synchronous_commit"] = "off";
            settings["full_page_writes"] = "off";
        }
        foreach (var (key, value) in options.Settings) settings[key] = value;
        return $"-p {port.ToString(CultureInfo.InvariantCulture)} " + string.Join(' ', settings.Select(s => $"-c {s.Key}={s.Value}"));
    }

    private static int FindFreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    private static bool IsPortFree(int port)
    {
        try
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static string TailOfLog(string logFile)
    {
        if (!File.Exists(logFile)) return "(no log)";
        var lines = File.ReadAllLines(logFile);
        return string.Join(Environment.NewLine, lines.Skip(Math.Max(0, lines.Length - 20)));
    }

    private async Task EnsureDatabaseAsync(CancellationToken ct)
    {
        const string exists = "SELECT 1 FROM pg_database WHERE datname = $1";
        await using var connection = new NpgsqlConnection(ConnectionStringFor("postgres"));
        await connection.OpenAsync(ct).ConfigureAwait(false);
        await using (var check = new NpgsqlCommand(exists, connection) { Parameters = { new() { Value = _options.Database } } })
        {
            if (await check.ExecuteScalarAsync(ct).ConfigureAwait(false) is not null) return;
        }
        await using var create = new NpgsqlCommand($"CREATE DATABASE {QuoteIdentifier(_options.Database)}", connection);
        try
        {
            await create.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another process created it between our check and our create: that is what we wanted.
        }
    }

    internal static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static async Task<IAsyncDisposable> AcquireStartLockAsync(PostgresServerOptions options, CancellationToken ct)
    {
        var path = Path.Combine(options.InstanceDirectory, ".start.lock");
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (waited.Elapsed < options.StartTimeout)
            {
                await Task.Delay(100, ct).ConfigureAwait(false);
            }
        }
    }
}
