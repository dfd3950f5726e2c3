namespace Allometry.Core.Postgres.Ledger;

using Dapper;
using Npgsql;

/// <summary>The tenants this database holds.</summary>
public sealed class TenantDirectory(NpgsqlDataSource dataSource)
{
    private const string ListSql = "SELECT tenant_id FROM tenants ORDER BY tenant_id";

    private const string TenantNoSql = "SELECT tenant_no FROM tenants WHERE tenant_id = @tenant";

    // Children before parents, so foreign keys never object. A test checks that every table
    // with a tenant_id column is listed, so a new table cannot be forgotten here.
    internal static readonly IReadOnlyList<string> TablesInDeleteOrder =
    [
        "outbox", "message_map", "digest_deliveries", "chat_conversations", "chat_realms",
        "action_audit", "action_deliveries", "exception_notes", "chat_promises", "retainage_releases",
        "exception_history", "exceptions", "weekly_summary_snapshots", "digest_subscriptions", "tenant_settings", "tenant_memberships", "escalation_contacts", "pm_managers", "invoice_tax_fits", "tax_early_paid_invoices",
        "ledger_history", "payment_applications", "promises", "retainage_holds", "service_contracts",
        "bank_transactions", "payments", "invoices", "quotes", "deliveries", "projects", "project_totals", "entity_links",
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
        var tenantNo = await connection.ExecuteScalarAsync<int?>(new CommandDefinition(TenantNoSql, new { tenant = tenantId }, transaction, cancellationToken: ct));
        foreach (var table in TablesInDeleteOrder)
        {
            // Table names come from the constant list above, never from input.
            var sql = $"DELETE FROM {table} WHERE tenant_id = @tenant";
            await connection.ExecuteAsync(new CommandDefinition(sql, new { tenant = tenantId }, transaction, cancellationToken: ct));
        }
        if (tenantNo is int no)
        {
            // The tenant's invoice partition is named by its number, which a re-created tenant does
            // not get back: leaving the empty partition attached would block its next first import.
            var partition = "invoices_t" + no.ToString(System.Globalization.CultureInfo.InvariantCulture);
            // Foreign keys into invoices depend on each partition: detach (no referencing row is left) before dropping.
            var exists = await connection.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT to_regclass(@partition) IS NOT NULL", new { partition }, transaction, cancellationToken: ct));
            if (exists)
            {
                await connection.ExecuteAsync(new CommandDefinition($"ALTER TABLE invoices DETACH PARTITION {partition}; DROP TABLE {partition}", transaction: transaction, cancellationToken: ct));
            }
        }
        await transaction.CommitAsync(ct);
    }
}
