namespace Allometry.Testing;

using Npgsql;

/// <summary>A database created for tests, with its one data source; dropped on dispose.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _serverConnectionString;
    private bool _dropped;

    internal TestDatabase(string serverConnectionString, string name)
    {
        _serverConnectionString = serverConnectionString;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ConnectionString;
        DataSource = NpgsqlDataSource.Create(ConnectionString);
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    public async ValueTask DisposeAsync()
    {
        if (_dropped) return;
        _dropped = true;
        await DataSource.DisposeAsync().ConfigureAwait(false);
        await using var admin = new NpgsqlConnection(_serverConnectionString);
        await admin.OpenAsync().ConfigureAwait(false);
        // FORCE ends sessions a failed test may have left open.
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync().ConfigureAwait(false);
    }
}
