namespace Allometry.Core.Postgres.Server;

/// <summary>
/// How <see cref="PostgresServer"/> runs a private PostgreSQL server from the machine's binaries.
/// Use <see cref="ForApp"/> for the application's persistent cluster and <see cref="ForTests"/>
/// for a throw-away cluster.
/// </summary>
public sealed record PostgresServerOptions
{
    /// <summary>
    /// The folder the server owns: the cluster in <c>data/</c>, the log in <c>server.log</c> and
    /// the port of the last start in <c>port</c>. Created when missing.
    /// </summary>
    public required string InstanceDirectory { get; init; }

    /// <summary>Delete <see cref="InstanceDirectory"/> after the server stops (test mode).</summary>
    /// <value>false</value>
    public bool DeleteOnDispose { get; init; }

    /// <summary>
    /// Flush writes to disk. Only throw-away clusters may turn it off: a crash with fsync off can
    /// corrupt the cluster.
    /// </summary>
    /// <value>true</value>
    public bool Fsync { get; init; } = true;

    /// <summary>The folder holding <c>initdb</c>, <c>pg_ctl</c> and <c>postgres</c>; found automatically when null.</summary>
    /// <value>null: <c>pg_config --bindir</c>, else the newest <c>/usr/lib/postgresql/&lt;version&gt;/bin</c>.</value>
    public string? BinDirectory { get; init; }

    /// <summary>The database <see cref="PostgresServer.ConnectionString"/> points at; created when missing.</summary>
    /// <value>allometry</value>
    public string Database { get; init; } = "allometry";

    /// <summary>The superuser initdb creates; clients connect as it over 127.0.0.1 with trust authentication.</summary>
    /// <value>allometry</value>
    public string UserName { get; init; } = "allometry";

    /// <summary>How long to wait for the server to accept connections.</summary>
    /// <value>60 seconds.</value>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Extra <c>postgres -c name=value</c> settings, applied after the defaults (they win).
    /// </summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>The application's persistent cluster, e.g. <c>.allometry/pg</c>: kept between runs, fsync on.</summary>
    public static PostgresServerOptions ForApp(string instanceDirectory) => new()
    {
        InstanceDirectory = Path.GetFullPath(instanceDirectory),
        Settings = new Dictionary<string, string> { ["shared_buffers"] = RecommendedSharedBuffers() },
    };

    /// <summary>
    /// The buffer cache of a server the application owns: PostgreSQL's advice for a dedicated
    /// server, a quarter of the memory, between its 128 MB default and 2 GB. With the default, a
    /// million-invoice ledger's indexes do not stay cached and every index probe of an evaluation
    /// reads its pages back from the operating system (measured: 427 ms against 62 ms for one screen).
    /// </summary>
    /// <returns>A <c>shared_buffers</c> value, e.g. <c>2048MB</c>.</returns>
    public static string RecommendedSharedBuffers()
    {
        var quarter = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 4 / (1024 * 1024);
        return $"{Math.Clamp(quarter, 128, 2048).ToString(System.Globalization.CultureInfo.InvariantCulture)}MB";
    }

    /// <summary>A throw-away cluster in a new temporary folder, fsync off, deleted on dispose.</summary>
    public static PostgresServerOptions ForTests() => new()
    {
        InstanceDirectory = Directory.CreateTempSubdirectory("allometry-pg-").FullName,
        DeleteOnDispose = true,
        Fsync = false,
    };
}
