namespace Allometry.Core.Postgres.Tests.Server;

using Allometry.Core.Postgres.Server;
using Npgsql;

/// <summary>The application's persistent cluster: kept between starts, recovered after a crash.</summary>
public sealed class PostgresServerTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("allometry-app-");

    private PostgresServerOptions AppOptions => PostgresServerOptions.ForApp(Path.Combine(_root.FullName, ".allometry", "pg")) with { Fsync = false };

    [Fact]
    public async Task StartAsync_AppModeRestart_KeepsTheDataAndThePort()
    {
        // Arrange
        int port;
        await using (var first = await PostgresServer.StartAsync(AppOptions))
        {
            port = first.Port;
            await ExecuteAsync(first.ConnectionString, "CREATE TABLE kept (id int); INSERT INTO kept VALUES (42)");
        }

        // Act
        await using var second = await PostgresServer.StartAsync(AppOptions);

        // Assert
        Assert.True(second.OwnsProcess);
        Assert.Equal(port, second.Port);
        Assert.Equal(42, await ScalarAsync(second.ConnectionString, "SELECT id FROM kept"));
    }

    [Fact]
    public async Task StartAsync_StalePostmasterPid_RemovesItAndStarts()
    {
        // Arrange
        string dataDirectory;
        await using (var first = await PostgresServer.StartAsync(AppOptions))
        {
            dataDirectory = first.DataDirectory;
        }
        // What a crash leaves: a lock file naming a process that is not postgres (here: pid 1).
        await File.WriteAllTextAsync(Path.Combine(dataDirectory, "postmaster.pid"), $"1\n{dataDirectory}\n0\n5432\n\n127.0.0.1\n0 0\nready\n");

        // Act
        await using var server = await PostgresServer.StartAsync(AppOptions);

        // Assert
        Assert.Equal(1, await ScalarAsync(server.ConnectionString, "SELECT 1"));
    }

    [Fact]
    public async Task StartAsync_ClusterAlreadyRunning_AttachesWithoutOwningIt()
    {
        // Arrange
        await using var owner = await PostgresServer.StartAsync(AppOptions);

        // Act
        var attached = await PostgresServer.StartAsync(AppOptions);
        await attached.DisposeAsync();

        // Assert
        Assert.False(attached.OwnsProcess);
        Assert.Equal(owner.Port, attached.Port);
        Assert.Equal(1, await ScalarAsync(owner.ConnectionString, "SELECT 1"));
    }

    [Fact]
    public void Locate_ConfiguredFolderWithoutPrograms_ThrowsWithInstallHint()
    {
        // Act
        var error = Assert.Throws<PostgresServerException>(() => PostgresBinaries.Locate(_root.FullName));

        // Assert
        Assert.Contains("apt-get install -y postgresql postgresql-contrib", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _root.Delete(recursive: true);

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<int> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
