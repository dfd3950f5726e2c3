namespace Allometry.Adapters.Ledger.Tests.Workbook;

using Dapper;
using Npgsql;

/// <summary>Rows a tenant has in every ledger table, its journal and its history: equal before and after means nothing was written.</summary>
internal static class TenantCounts
{
    private static readonly string[] Tables =
    [
        "tenants", "imports", "ledger_history", "payers", "entity_links", "projects", "deliveries", "quotes", "invoices",
        "payments", "payment_applications", "retainage_holds", "service_contracts", "promises", "bank_transactions",
    ];

    public static async Task<IReadOnlyDictionary<string, long>> ReadAsync(NpgsqlDataSource dataSource, string tenant)
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        await using var connection = await dataSource.OpenConnectionAsync();
        foreach (var table in Tables)
        {
            counts[table] = await connection.ExecuteScalarAsync<long>(
                new CommandDefinition($"SELECT count(*) FROM {table} WHERE tenant_id = @tenant", new { tenant }));
        }
        return counts;
    }
}
