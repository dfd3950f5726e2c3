namespace Allometry.Core.Postgres.Digests;

using Allometry.Core.Cards.Building;
using Allometry.Core.Postgres.Tenancy;
using Dapper;

/// <summary>The figures each weekly summary reported (<c>weekly_summary_snapshots</c>), read and written inside a <see cref="TenantScope"/>.</summary>
internal static class WeeklySnapshotStore
{
    private const string UpsertSql = """
        INSERT INTO weekly_summary_snapshots
            (tenant_id, subscription_id, week_ending, total_ar, overdue, retainage_held, retainage_due, retainage_overdue,
             deposits_at_risk, open_exceptions, amount_at_risk)
        VALUES (@tenant, @subscription, @weekEnding, @TotalAr, @Overdue, @RetainageHeld, @RetainageDue, @RetainageOverdue,
                @DepositsAtRisk, @OpenExceptions, @AmountAtRisk)
        ON CONFLICT (tenant_id, subscription_id, week_ending) DO UPDATE SET
            total_ar = excluded.total_ar, overdue = excluded.overdue, retainage_held = excluded.retainage_held,
            retainage_due = excluded.retainage_due, retainage_overdue = excluded.retainage_overdue,
            deposits_at_risk = excluded.deposits_at_risk, open_exceptions = excluded.open_exceptions,
            amount_at_risk = excluded.amount_at_risk, computed_at = now()
        """;

    // "A week earlier": the latest summary stored 7 to 13 days before this one.
    private const string PreviousSql = """
        SELECT total_ar AS TotalAr, overdue AS Overdue, retainage_held AS RetainageHeld, retainage_due AS RetainageDue,
               retainage_overdue AS RetainageOverdue, deposits_at_risk AS DepositsAtRisk, open_exceptions AS OpenExceptions,
               amount_at_risk AS AmountAtRisk
        FROM weekly_summary_snapshots
        WHERE tenant_id = @tenant AND subscription_id = @subscription
          AND week_ending BETWEEN @weekEnding - 13 AND @weekEnding - 7
        ORDER BY week_ending DESC
        LIMIT 1
        """;

    public static Task SaveAsync(TenantScope scope, long subscriptionId, DateOnly weekEnding, WeeklyTotals t, CancellationToken ct) =>
        scope.Connection.ExecuteAsync(new CommandDefinition(UpsertSql, new
        {
            tenant = scope.TenantId, subscription = subscriptionId, weekEnding,
            t.TotalAr, t.Overdue, t.RetainageHeld, t.RetainageDue, t.RetainageOverdue, t.DepositsAtRisk, t.OpenExceptions, t.AmountAtRisk,
        }, scope.Transaction, cancellationToken: ct));

    public static async Task<WeeklyTotals?> PreviousAsync(TenantScope scope, long subscriptionId, DateOnly weekEnding, CancellationToken ct)
    {
        var row = await scope.Connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(PreviousSql,
            new { tenant = scope.TenantId, subscription = subscriptionId, weekEnding }, scope.Transaction, cancellationToken: ct)).ConfigureAwait(false);
        return row is null ? null : new WeeklyTotals
        {
            TotalAr = row.TotalAr, Overdue = row.Overdue, RetainageHeld = row.RetainageHeld, RetainageDue = row.RetainageDue,
            RetainageOverdue = row.RetainageOverdue, DepositsAtRisk = row.DepositsAtRisk, OpenExceptions = row.OpenExceptions,
            AmountAtRisk = row.AmountAtRisk,
        };
    }

    private sealed record Row
    {
        public decimal TotalAr { get; init; }
        public decimal Overdue { get; init; }
        public decimal RetainageHeld { get; init; }
        public decimal RetainageDue { get; init; }
        public decimal RetainageOverdue { get; init; }
        public decimal DepositsAtRisk { get; init; }
        public int OpenExceptions { get; init; }
        public decimal AmountAtRisk { get; init; }
    }
}
