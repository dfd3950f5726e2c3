namespace Allometry.Core.Postgres.Tenancy;

using Npgsql;

/// <summary>
/// A transaction that can only see one tenant's rows. It switches to the non-superuser role
/// <c>allometry_app</c> (superusers and table owners bypass row-level security) and sets
/// <c>allometry.tenant_id</c>; every tenant table's policy compares <c>tenant_id</c> with that
/// setting. Both are transaction-local (<c>SET LOCAL</c>, <c>set_config(…, true)</c>), so a pooled
/// connection never carries a tenant into its next use. Request-serving code (questions, actions,
/// cards, digests) works through a scope; imports, migrations and cross-tenant jobs do not.
/// </summary>
public sealed class TenantScope : IAsyncDisposable
{
    /// <summary>The role whose queries row-level security filters.</summary>
    public const string AppRole = "allometry_app";

    /// <summary>The setting the policies read.</summary>
    public const string TenantSetting = "allometry.tenant_id";

    private const string EnterSql = "SET LOCAL ROLE allometry_app; SELECT set_config('allometry.tenant_id', @tenant, true)";

    private bool _completed;

    private TenantScope(string tenantId, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        TenantId = tenantId;
        Connection = connection;
        Transaction = transaction;
    }

    public string TenantId { get; }

    public NpgsqlConnection Connection { get; }

    public NpgsqlTransaction Transaction { get; }

    /// <summary>Opens a connection, begins a transaction and enters the tenant.</summary>
    public static async Task<TenantScope> BeginAsync(NpgsqlDataSource dataSource, string tenantId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        try
        {
            var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            await using (var enter = new NpgsqlCommand(EnterSql, connection, transaction))
            {
                enter.Parameters.AddWithValue("tenant", tenantId);
                await enter.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
            return new TenantScope(tenantId, connection, transaction);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Commits what the scope wrote; without it, disposing rolls back.</summary>
    public async Task CommitAsync(CancellationToken ct)
    {
        await Transaction.CommitAsync(ct).ConfigureAwait(false);
        _completed = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_completed)
        {
            await Transaction.RollbackAsync().ConfigureAwait(false);
        }
        await Transaction.DisposeAsync().ConfigureAwait(false);
        await Connection.DisposeAsync().ConfigureAwait(false);
    }
}
