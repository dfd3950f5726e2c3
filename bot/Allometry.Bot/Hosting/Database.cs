namespace Allometry.Bot.Hosting;

using Allometry.Core.Postgres.Server;
using Npgsql;

/// <summary>
/// The database the app works on: the configured server when a connection string is set
/// (<c>ConnectionStrings__Allometry</c> or <c>ALLOMETRY_DB</c>), else a private PostgreSQL under
/// <see cref="AllometryHome.PostgresDirectory"/> that lives as long as this object.
/// </summary>
internal sealed class Database : IAsyncDisposable
{
    private readonly PostgresServer? _server;

    private Database(NpgsqlDataSource dataSource, string description, PostgresServer? server)
    {
        DataSource = dataSource;
        Description = description;
        _server = server;
    }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>Where the data lives, for people (never includes a password).</summary>
    public string Description { get; }

    public bool IsPrivate => _server is not null;

    public static string? ConfiguredConnectionString() =>
        NonEmpty(Environment.GetEnvironmentVariable("ConnectionStrings__Allometry"))
        ?? NonEmpty(Environment.GetEnvironmentVariable("ALLOMETRY_DB"));

    public static async Task<Database> OpenAsync(AllometryHome home, string? configured, CancellationToken ct)
    {
        if (configured is not null)
        {
            var builder = new NpgsqlConnectionStringBuilder(configured);
            return new Database(NpgsqlDataSource.Create(configured), $"configured server {builder.Host}:{builder.Port}/{builder.Database}", null);
        }
        var server = await PostgresServer.StartAsync(PostgresServerOptions.ForApp(home.PostgresDirectory), ct);
        var description = $"private PostgreSQL in {home.PostgresDirectory} (while running: {Redacted(server.ConnectionString)})";
        return new Database(NpgsqlDataSource.Create(server.ConnectionString), description, server);
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private static string Redacted(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Password = null };
        return builder.ConnectionString;
    }

    private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
