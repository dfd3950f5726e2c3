namespace Allometry.Core.Postgres.Ledger;

using Allometry.Core.Aging;
using Dapper;
using Npgsql;

/// <summary>
/// Reads open receivables as aging summaries: per payer and per project, one summary per
/// currency (amounts in different currencies are never added). Aggregation runs in PostgreSQL
/// on exact numerics; the bucket edges are <see cref="AgingBuckets"/>'s.
/// </summary>
public sealed class AgingSummaryStore(NpgsqlDataSource dataSource)
{
    private const string AsOfSql = """
        SELECT max(as_of) FROM imports WHERE tenant_id = @tenant AND finished_at IS NOT NULL
        """;

    // Days beyond terms = max(0, as_of − due) (domain.md §3). Void invoices and settled
    // balances are not receivables; credit notes (negative balances) are, and reduce them.
    private const string SummarySql = """
        WITH open_items AS (
            SELECT i.payer_id, i.project_id, i.currency, i.balance,
                   greatest(0, @asOf - i.due_date) AS days
            FROM invoices i
            WHERE i.tenant_id = @tenant AND i.status <> 'void' AND i.balance <> 0
        ),
        by_payer AS (
            SELECT 'payer' AS dimension, o.currency, o.payer_id AS key, p.name AS name,
                   coalesce(sum(o.balance) FILTER (WHERE o.days = 0), 0) AS current,
                   coalesce(sum(o.balance) FILTER (WHERE o.days BETWEEN 1 AND 30), 0) AS days1to30,
                   coalesce(sum(o.balance) FILTER (WHERE o.days BETWEEN 31 AND 60), 0) AS days31to60,
                   coalesce(sum(o.balance) FILTER (WHERE o.days BETWEEN 61 AND 90), 0) AS days61to90,
                   coalesce(sum(o.balance) FILTER (WHERE o.days > 90), 0) AS over90,
                   count(*)::int AS open_invoices
            FROM open_items o
            JOIN payers p ON p.tenant_id = @tenant AND p.payer_id = o.payer_id
            GROUP BY o.currency, o.payer_id, p.name
        ),
        by_project AS (
            SELECT 'project' AS dimension, o.currency, coalesce(o.project_id, '') AS key, coalesce(pr.name, '') AS name,
                   coalesce(sum(o.balance) FILTER (WHERE o.days = 0), 0),
                   coalesce(sum(o.balance) FILTER (WHERE o.days BETWEEN 1 AND 30), 0),
                   coalesce(sum(o.balance) FILTER (WHERE o.days BETWEEN 31 AND 60), 0),
                   coalesce(sum(o.balance) FILTER (WHERE o.days BETWEEN 61 AND 90), 0),
                   coalesce(sum(o.balance) FILTER (WHERE o.days > 90), 0),
                   count(*)::int
            FROM open_items o
            LEFT JOIN projects pr ON pr.tenant_id = @tenant AND pr.project_id = o.project_id
            GROUP BY o.currency, coalesce(o.project_id, ''), coalesce(pr.name, '')
        )
        SELECT dimension AS Dimension, currency AS Currency, key AS Key, name AS Name,
               current AS Current, days1to30 AS Days1To30, days31to60 AS Days31To60,
               days61to90 AS Days61To90, over90 AS Over90, open_invoices AS OpenInvoices
        FROM by_payer
        UNION ALL
        SELECT * FROM by_project
        """;

    /// <summary>The as-of date of the tenant's latest finished import, or null when it has none.</summary>
    public async Task<DateOnly?> LatestAsOfAsync(string tenantId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<DateOnly?>(new CommandDefinition(AsOfSql, new { tenant = tenantId }, cancellationToken: ct));
    }

    /// <summary>One summary per currency with open balances, largest balances first.</summary>
    public async Task<IReadOnlyList<AgingSummary>> SummarizeAsync(string tenantId, DateOnly asOf, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<SummaryRow>(new CommandDefinition(SummarySql, new { tenant = tenantId, asOf }, cancellationToken: ct));
        return [.. rows
            .GroupBy(r => r.Currency.Trim())
            .OrderBy(g => g.Key == "CAD" ? 0 : 1).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => ToSummary(tenantId, asOf, g.Key, [.. g]))];
    }

    private static AgingSummary ToSummary(string tenantId, DateOnly asOf, string currency, IReadOnlyList<SummaryRow> rows)
    {
        static List<AgingRow> Rows(IEnumerable<SummaryRow> source) =>
        [
            .. source.Select(r => new AgingRow(r.Key, r.Name, r.Amounts, r.OpenInvoices))
                .OrderByDescending(r => r.Amounts.Total).ThenBy(r => r.Key, StringComparer.Ordinal),
        ];
        var byPayer = Rows(rows.Where(r => r.Dimension == "payer"));
        var byProject = Rows(rows.Where(r => r.Dimension == "project"));
        var totals = byPayer.Aggregate(default(AgingAmounts), (acc, r) => acc + r.Amounts);
        return new AgingSummary(tenantId, asOf, currency, byPayer, byProject, totals);
    }

    private sealed record SummaryRow(
        string Dimension, string Currency, string Key, string Name,
        decimal Current, decimal Days1To30, decimal Days31To60, decimal Days61To90, decimal Over90, int OpenInvoices)
    {
        public AgingAmounts Amounts => new(Current, Days1To30, Days31To60, Days61To90, Over90);
    }
}
