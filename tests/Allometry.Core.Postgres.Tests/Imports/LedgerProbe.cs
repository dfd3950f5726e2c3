namespace Allometry.Core.Postgres.Tests.Imports;

using Dapper;
using Npgsql;

/// <summary>Reads back what an import stored, for assertions.</summary>
internal static class LedgerProbe
{
    private static readonly string[] Tables =
    [
        "payers", "entity_links", "projects", "deliveries", "quotes", "invoices", "payments",
        "payment_applications", "retainage_holds", "service_contracts", "promises", "bank_transactions",
    ];

    /// <summary>Rows per table for the tenant, plus its journal and history rows: equal before and after means nothing was written.</summary>
    public static async Task<IReadOnlyDictionary<string, long>> CountsAsync(NpgsqlDataSource dataSource, string tenant)
    {
        var counts = new Dictionary<string, long>();
        await using var connection = await dataSource.OpenConnectionAsync();
        foreach (var table in Tables.Concat(["imports", "ledger_history", "tenants"]))
        {
            counts[table] = await connection.ExecuteScalarAsync<long>(
                new CommandDefinition($"SELECT count(*) FROM {table} WHERE tenant_id = @tenant", new { tenant }));
        }
        return counts;
    }

    public static async Task<long> HistoryCountAsync(NpgsqlDataSource dataSource, string tenant)
    {
        const string sql = "SELECT count(*) FROM ledger_history WHERE tenant_id = @tenant";
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, new { tenant }));
    }
}
