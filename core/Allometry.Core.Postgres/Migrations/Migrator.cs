namespace Allometry.Core.Postgres.Migrations;

using Dapper;
using Npgsql;

/// <summary>
/// Brings a database's schema up to date with the embedded <see cref="MigrationScript"/>s. The
/// same code runs in the application and in tests. Scripts are forward-only and journalled in
/// <c>schema_migrations</c>; each runs in its own transaction; a session advisory lock makes
/// concurrent migrators (two instances starting together) take turns, so each script runs once.
/// </summary>
public sealed class Migrator
{
    // An arbitrary constant that names "the Allometry schema migration" among advisory locks.
    private const long AdvisoryLockKey = 0x416C6C6F_4D696772;

    private readonly NpgsqlDataSource _dataSource;
    private readonly IReadOnlyList<MigrationScript> _scripts;

    /// <summary>A migrator for the scripts embedded in this assembly.</summary>
    public Migrator(NpgsqlDataSource dataSource)
        : this(dataSource, MigrationScript.Embedded)
    {
    }

    /// <summary>A migrator for a given list of scripts (validated: names and contiguous versions).</summary>
    public Migrator(NpgsqlDataSource dataSource, IEnumerable<MigrationScript> scripts)
    {
        _dataSource = dataSource ?? throw new ArgumentNullException(nameof(dataSource));
        _scripts = MigrationScript.Validate(scripts);
    }

    /// <summary>The scripts this migrator knows, in order.</summary>
    public IReadOnlyList<MigrationScript> Scripts => _scripts;

    /// <summary>Applies every script not applied yet, in order, and returns those it applied.</summary>
    /// <exception cref="MigrationException">
    /// An applied script's checksum or name differs from this build's, or the database has versions this build does not know.
    /// </exception>
    public async Task<IReadOnlyList<MigrationScript>> MigrateAsync(CancellationToken ct = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(LockSql, new { key = AdvisoryLockKey }, cancellationToken: ct)).ConfigureAwait(false);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(CreateJournalSql, cancellationToken: ct)).ConfigureAwait(false);
            var applied = (await connection.QueryAsync<AppliedScript>(new CommandDefinition(AppliedSql, cancellationToken: ct)).ConfigureAwait(false))
                .ToDictionary(a => a.Version);
            Verify(applied);

            var ran = new List<MigrationScript>();
            foreach (var script in _scripts.Where(s => !applied.ContainsKey(s.Version)))
            {
                await ApplyAsync(connection, script, ct).ConfigureAwait(false);
                ran.Add(script);
            }
            if (ran.Count > 0)
            {
                // Extensions and domains created by a script change type OIDs Npgsql has cached.
                await connection.ReloadTypesAsync(ct).ConfigureAwait(false);
            }
            return ran;
        }
        finally
        {
            await connection.ExecuteAsync(new CommandDefinition(UnlockSql, new { key = AdvisoryLockKey }, cancellationToken: CancellationToken.None)).ConfigureAwait(false);
        }
    }

    /// <summary>The versions the database says are applied, oldest first (empty before the first migration).</summary>
    public async Task<IReadOnlyList<int>> AppliedVersionsAsync(CancellationToken ct = default)
    {
        const string exists = "SELECT to_regclass('schema_migrations') IS NOT NULL";
        const string sql = "SELECT version FROM schema_migrations ORDER BY version";
        await using var connection = await _dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition(exists, cancellationToken: ct)).ConfigureAwait(false))
        {
            return [];
        }
        return [.. await connection.QueryAsync<int>(new CommandDefinition(sql, cancellationToken: ct)).ConfigureAwait(false)];
    }

    private const string LockSql = "SELECT pg_advisory_lock(@key)";
    private const string UnlockSql = "SELECT pg_advisory_unlock(@key)";

    private const string CreateJournalSql = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version     integer     PRIMARY KEY,
            name        text        NOT NULL,
            checksum    text        NOT NULL,
            applied_at  timestamptz NOT NULL DEFAULT now()
        )
        """;

    private const string AppliedSql = "SELECT version AS Version, name AS Name, checksum AS Checksum FROM schema_migrations ORDER BY version";

    private const string RecordSql = "INSERT INTO schema_migrations (version, name, checksum) VALUES (@Version, @Name, @Checksum)";

    private void Verify(Dictionary<int, AppliedScript> applied)
    {
        var known = _scripts.ToDictionary(s => s.Version);
        foreach (var done in applied.Values.OrderBy(a => a.Version))
        {
            if (!known.TryGetValue(done.Version, out var script))
            {
                throw new MigrationException(
                    $"The database has migration {done.Version} ({done.Name}) that this build does not know: it was migrated by a newer version of Allometry.");
            }
            if (script.Name != done.Name || script.Checksum != done.Checksum)
            {
                throw new MigrationException(
                    $"Migration {done.Version} was applied as '{done.Name}' (checksum {done.Checksum}) but this build has '{script.Name}' (checksum {script.Checksum}). " +
                    "Applied migrations are never edited: add a new migration instead.");
            }
        }
    }

    private static async Task ApplyAsync(NpgsqlConnection connection, MigrationScript script, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        try
        {
            await using (var command = new NpgsqlCommand(script.Sql, connection, transaction))
            {
                await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
            await connection.ExecuteAsync(new CommandDefinition(RecordSql, new { script.Version, script.Name, script.Checksum }, transaction, cancellationToken: ct)).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
        }
        catch (PostgresException ex)
        {
            throw new MigrationException($"Migration {script.Name} failed and was rolled back: {ex.MessageText}" + (ex.Position > 0 ? $" (at character {ex.Position})" : ""), ex);
        }
    }

    private sealed record AppliedScript(int Version, string Name, string Checksum);
}
