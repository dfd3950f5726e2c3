namespace Allometry.Testing;

using Allometry.Core.Postgres.Migrations;
using Allometry.Core.Postgres.Server;
using Npgsql;
using Xunit;

/// <summary>
/// A real PostgreSQL for integration tests, as an xUnit class or collection fixture. When
/// <c>ConnectionStrings__Allometry</c> or <c>ALLOMETRY_DB</c> is set, that server is used;
/// otherwise a private server starts from the machine's binaries in a temporary folder. Either
/// way the run gets its own freshly created and migrated database, dropped on dispose. A server
/// that cannot be had fails the tests with the reason: integration tests never skip.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private static readonly SemaphoreSlim ServerGate = new(1, 1);
    private static PostgresServer? _sharedServer;
    private static int _users;

    private readonly string _runId = Guid.NewGuid().ToString("N")[..12];
    private readonly List<TestDatabase> _databases = [];
    private string? _serverConnectionString;
    private bool _usesSharedServer;
    private TestDatabase? _database;

    /// <summary>The run's migrated database.</summary>
    public TestDatabase Database => _database ?? throw new InvalidOperationException("The fixture is not initialized.");

    /// <summary>The run's migrated database's connection string.</summary>
    public string ConnectionString => Database.ConnectionString;

    /// <summary>The one data source of the run's database.</summary>
    public NpgsqlDataSource DataSource => Database.DataSource;

    /// <summary>The private server's bin folder (psql lives there), or null when a configured server is used.</summary>
    public string? ServerBinDirectory => _usesSharedServer ? _sharedServer?.BinDirectory : null;

    public async Task InitializeAsync()
    {
        _serverConnectionString = ConfiguredConnectionString();
        if (_serverConnectionString is null)
        {
            _serverConnectionString = await AcquireSharedServerAsync().ConfigureAwait(false);
            _usesSharedServer = true;
        }
        _database = await CreateDatabaseAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// A new database on the same server, for tests that need isolation (a test class that counts
    /// rows, a migrator test that needs an empty schema). Dropped when the fixture is disposed,
    /// or earlier by disposing it.
    /// </summary>
    public async Task<TestDatabase> CreateDatabaseAsync(bool migrate = true, CancellationToken ct = default)
    {
        var server = _serverConnectionString ?? throw new InvalidOperationException("The fixture is not initialized.");
        var name = $"allometry_test_{_runId}_{_databases.Count + 1}";
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync(ct).ConfigureAwait(false);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        var database = new TestDatabase(server, name);
        lock (_databases) _databases.Add(database);
        if (migrate)
        {
            await new Migrator(database.DataSource).MigrateAsync(ct).ConfigureAwait(false);
        }
        return database;
    }

    public async Task DisposeAsync()
    {
        foreach (var database in _databases)
        {
            await database.DisposeAsync().ConfigureAwait(false);
        }
        if (_usesSharedServer)
        {
            await ReleaseSharedServerAsync().ConfigureAwait(false);
        }
    }

    private static string? ConfiguredConnectionString()
    {
        var configured = Environment.GetEnvironmentVariable("ConnectionStrings__Allometry");
        if (string.IsNullOrWhiteSpace(configured)) configured = Environment.GetEnvironmentVariable("ALLOMETRY_DB");
        return string.IsNullOrWhiteSpace(configured) ? null : configured;
    }

    // Several fixtures (one per collection) share one private server per test process.
    private static async Task<string> AcquireSharedServerAsync()
    {
        await ServerGate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_sharedServer is null)
            {
                try
                {
                    _sharedServer = await PostgresServer.StartAsync(PostgresServerOptions.ForTests()).ConfigureAwait(false);
                }
                catch (PostgresServerException ex)
                {
                    var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
                    throw new InvalidOperationException(
                        "Integration tests need PostgreSQL and none could be started" + (ci ? " on CI" : "") + ": " + ex.Message +
                        " — or set ConnectionStrings__Allometry (or ALLOMETRY_DB) to a server where this user may create databases.", ex);
                }
            }
            _users++;
            return _sharedServer.ConnectionStringFor("postgres");
        }
        finally
        {
            ServerGate.Release();
        }
    }

    private static async Task ReleaseSharedServerAsync()
    {
        await ServerGate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (--_users == 0 && _sharedServer is not null)
            {
                await _sharedServer.DisposeAsync().ConfigureAwait(false);
                _sharedServer = null;
            }
        }
        finally
        {
            ServerGate.Release();
        }
    }
}
