namespace Allometry.Core.Postgres.Digests;

using Allometry.Core.Aging;
using Allometry.Core.Cards.Building;
using Allometry.Core.Postgres.Tenancy;
using Dapper;

/// <summary>The weekly summary's figures, read inside a tenant's <see cref="TenantScope"/> (CAD amounts, exact numerics).</summary>
internal static class WeeklyFiguresReader
{
    private const string AsOfSql = "SELECT max(as_of) FROM imports WHERE tenant_id = @tenant AND finished_at IS NOT NULL";

    private const string TotalsSql = """
        WITH open_items AS (
            SELECT balance, greatest(0, @asOf - due_date) AS days
            FROM invoices
            WHERE tenant_id = @tenant AND status <> 'void' AND balance <> 0 AND currency = 'CAD'
        ),
        holds AS (
            SELECT held_amount, release_due_on FROM retainage_holds WHERE tenant_id = @tenant AND released_on IS NULL
        ),
        open_exceptions AS (
            SELECT rule_id, amount_at_risk FROM exceptions
            WHERE tenant_id = @tenant AND status = 'open' AND severity_rank >= 1 AND currency = 'CAD'
        )
        SELECT
            (SELECT coalesce(sum(balance) FILTER (WHERE days = 0), 0) FROM open_items) AS Current,
            (SELECT coalesce(sum(balance) FILTER (WHERE days BETWEEN 1 AND 30), 0) FROM open_items) AS Days1To30,
            (SELECT coalesce(sum(balance) FILTER (WHERE days BETWEEN 31 AND 60), 0) FROM open_items) AS Days31To60,
            (SELECT coalesce(sum(balance) FILTER (WHERE days BETWEEN 61 AND 90), 0) FROM open_items) AS Days61To90,
            (SELECT coalesce(sum(balance) FILTER (WHERE days > 90), 0) FROM open_items) AS Over90,
            (SELECT coalesce(sum(held_amount), 0) FROM holds) AS RetainageHeld,
            (SELECT coalesce(sum(held_amount) FILTER (WHERE release_due_on BETWEEN @asOf AND @asOf + 30), 0) FROM holds) AS RetainageDue,
            (SELECT coalesce(sum(held_amount) FILTER (WHERE release_due_on < @asOf), 0) FROM holds) AS RetainageOverdue,
            (SELECT coalesce(sum(amount_at_risk) FILTER (WHERE rule_id IN ('DepositGateUnpaid', 'DepositNotInvoiced')), 0) FROM open_exceptions) AS DepositsAtRisk,
            (SELECT count(*)::int FROM open_exceptions) AS OpenExceptions,
            (SELECT coalesce(sum(amount_at_risk), 0) FROM open_exceptions) AS AmountAtRisk
        """;

    private const string RenewalsSql = """
        SELECT s.contract_id AS ContractId, coalesce(p.name, s.payer_id) AS PayerName,
               to_char(s.renewal_date, 'YYYY-MM-DD') AS RenewalDate, s.annual_fee AS AnnualFee
        FROM service_contracts s
        LEFT JOIN payers p ON p.tenant_id = s.tenant_id AND p.payer_id = s.payer_id
        WHERE s.tenant_id = @tenant AND s.renewal_date BETWEEN @asOf AND @asOf + 60
        ORDER BY s.renewal_date, s.contract_id
        LIMIT 10
        """;

    // People's changes only: the evaluation writes as 'system'.
    private const string ActionsSql = """
        SELECT kind::text AS Kind, count(*)::int AS Count
        FROM exception_history
        WHERE tenant_id = @tenant AND actor <> 'system' AND at >= @since AND at < @until
        GROUP BY kind ORDER BY count(*) DESC, kind
        """;

    private const string StuckSql = """
        SELECT h.exception_id AS ExceptionId, e.title_en AS TitleEn, e.title_fr AS TitleFr, count(*)::int AS Snoozes
        FROM exception_history h
        JOIN exceptions e ON e.tenant_id = h.tenant_id AND e.exception_id = h.exception_id
        WHERE h.tenant_id = @tenant AND h.kind = 'snoozed' AND e.status IN ('open', 'snoozed')
        GROUP BY h.exception_id, e.title_en, e.title_fr
        HAVING count(*) >= 3
        ORDER BY count(*) DESC, h.exception_id
        LIMIT 10
        """;

    public static async Task<DateOnly?> AsOfAsync(TenantScope scope, CancellationToken ct) =>
        await scope.Connection.ExecuteScalarAsync<DateOnly?>(new CommandDefinition(AsOfSql, new { tenant = scope.TenantId }, scope.Transaction, cancellationToken: ct)).ConfigureAwait(false);

    public static async Task<(WeeklyTotals Totals, AgingAmounts Aging)> TotalsAsync(TenantScope scope, DateOnly asOf, CancellationToken ct)
    {
        var r = await scope.Connection.QuerySingleAsync<TotalsRow>(new CommandDefinition(TotalsSql, new { tenant = scope.TenantId, asOf }, scope.Transaction, cancellationToken: ct)).ConfigureAwait(false);
        var aging = new AgingAmounts(r.Current, r.Days1To30, r.Days31To60, r.Days61To90, r.Over90);
        return (new WeeklyTotals
        {
            TotalAr = aging.Total,
            Overdue = aging.Overdue,
            RetainageHeld = r.RetainageHeld,
            RetainageDue = r.RetainageDue,
            RetainageOverdue = r.RetainageOverdue,
            DepositsAtRisk = r.DepositsAtRisk,
            OpenExceptions = r.OpenExceptions,
            AmountAtRisk = r.AmountAtRisk,
        }, aging);
    }

    public static async Task<IReadOnlyList<(string, string, DateOnly, decimal)>> RenewalsAsync(TenantScope scope, DateOnly asOf, CancellationToken ct)
    {
        var rows = await scope.Connection.QueryAsync<(string ContractId, string PayerName, string RenewalDate, decimal AnnualFee)>(
            new CommandDefinition(RenewalsSql, new { tenant = scope.TenantId, asOf }, scope.Transaction, cancellationToken: ct)).ConfigureAwait(false);
        return [.. rows.Select(r => (r.ContractId, r.PayerName, DateOnly.ParseExact(r.RenewalDate, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), r.AnnualFee))];
    }

    public static async Task<IReadOnlyList<(string, int)>> ActionsAsync(TenantScope scope, DateTimeOffset since, DateTimeOffset until, CancellationToken ct) =>
        [.. await scope.Connection.QueryAsync<(string Kind, int Count)>(new CommandDefinition(ActionsSql,
            new { tenant = scope.TenantId, since, until }, scope.Transaction, cancellationToken: ct)).ConfigureAwait(false)];

    public static async Task<IReadOnlyList<(long, string, string, int)>> StuckAsync(TenantScope scope, CancellationToken ct) =>
        [.. await scope.Connection.QueryAsync<(long ExceptionId, string TitleEn, string TitleFr, int Snoozes)>(new CommandDefinition(StuckSql,
            new { tenant = scope.TenantId }, scope.Transaction, cancellationToken: ct)).ConfigureAwait(false)];

    private sealed record TotalsRow
    {
        public decimal Current { get; init; }
        public decimal Days1To30 { get; init; }
        public decimal Days31To60 { get; init; }
        public decimal Days61To90 { get; init; }
        public decimal Over90 { get; init; }
        public decimal RetainageHeld { get; init; }
        public decimal RetainageDue { get; init; }
        public decimal RetainageOverdue { get; init; }
        public decimal DepositsAtRisk { get; init; }
        public int OpenExceptions { get; init; }
        public decimal AmountAtRisk { get; init; }
    }
}
