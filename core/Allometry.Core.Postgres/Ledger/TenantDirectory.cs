namespace Allometry.Core.Postgres.Ledger;

using Dapper;
using Npgsql;

/// <summary>The tenants this database holds.</summary>
public sealed class TenantDirectory(NpgsqlDataSource dataSource)
{
    private const string ListSql = "SELECT tenant_id FROM tenants ORDER BY tenant_id";

    // Children before parents, so foreign keys never object. A test checks that every table
    // with a tenant_id column is listed, so a new table cannot be forgotten here.
    internal static readonly IReadOnlyList<string> TablesInDeleteOrder =
    [
        "ledger_history", "payment_applications", "promises", "retainage_holds", "service_contracts",
        "bank_transactions", "payments", "invoices", "quotes", "deliveries", "projects", "entity_links",
        "payers", "imports", "tenants",
    ];

    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return [.. await connection.QueryAsync<string>(new CommandDefinition(ListSql, cancellationToken: ct))];
    }

    /// <summary>Deletes everything the tenant has, in one transaction; other tenants are untouched.</summary>
    public async Task DeleteAsync(string tenantId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        foreach (var table in TablesInDeleteOrder)
        {
            // Table names come from the constant list above, never from input.
            var sql = $"DELETE FROM {table} WHERE tenant_id = @tenant";
            await connection.ExecuteAsync(new CommandDefinition(sql, new { tenant = tenantId }, transaction, cancellationToken: ct));
        }
        await transaction.CommitAsync(ct);
    }
}
