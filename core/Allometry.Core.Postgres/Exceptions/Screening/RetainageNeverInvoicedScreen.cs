namespace Allometry.Core.Postgres.Exceptions.Screening;

/// <summary>
/// Screens RetainageNeverInvoiced with the rule's condition: the project's latest non-void final
/// invoice is at least the configured days old and what it holds exceeds what was billed for
/// release by more than the tolerance, both read as ProjectRetainage reads them.
/// </summary>
/// <remarks>
/// Final invoices come from <c>invoices_final_idx</c> (a few per thousand invoices); the sums are
/// read for those projects only, through <c>retainage_holds_project_idx</c>,
/// <c>invoices_retainage_idx</c> and <c>invoices_release_idx</c>.
/// </remarks>
public sealed class RetainageNeverInvoicedScreen : IRuleScreen
{
    /// <inheritdoc />
    public IReadOnlyList<string> RuleIds { get; } = ["RetainageNeverInvoiced"];

    // One probe of the holds per project (how many, what they hold, whether any names a release
    // invoice); the invoices' column only without holds, the named release invoices only when
    // a hold names one — RetainageSql.Held and BilledForRelease, probe by probe.
    private const string Sql = """
        WITH finals AS MATERIALIZED (
            SELECT project_id
            FROM invoices
            WHERE tenant_id = @tenant AND kind = 'final' AND status <> 'void' AND project_id IS NOT NULL
            GROUP BY project_id
            HAVING max(issue_date) <= @finalBy
        )
        SELECT f.project_id
        FROM finals f
        CROSS JOIN LATERAL (
            SELECT count(*) AS n, coalesce(sum(h.held_amount), 0) AS held, count(h.release_invoice_id) AS named
            FROM retainage_holds h WHERE h.tenant_id = @tenant AND h.project_id = f.project_id
        ) h
        LEFT JOIN LATERAL (
            SELECT sum(i.retainage_held) AS held
            FROM invoices i
            WHERE h.n = 0 AND i.tenant_id = @tenant AND i.project_id = f.project_id
              AND i.retainage_held > 0 AND i.status <> 'void' AND i.kind <> 'retainage_release'
        ) c ON true
        LEFT JOIN LATERAL (
            SELECT sum(r.subtotal) AS billed
            FROM invoices r
            WHERE r.tenant_id = @tenant AND r.project_id = f.project_id AND r.kind = 'retainage_release' AND r.status <> 'void'
        ) r ON true
        LEFT JOIN LATERAL (
            SELECT sum(n.subtotal) AS billed
            FROM invoices n
            WHERE h.named > 0 AND n.tenant_id = @tenant AND n.project_id = f.project_id AND n.kind <> 'retainage_release' AND n.status <> 'void'
              AND n.invoice_id IN (SELECT x.release_invoice_id FROM retainage_holds x
                                   WHERE x.tenant_id = @tenant AND x.project_id = f.project_id AND x.release_invoice_id IS NOT NULL)
        ) n ON true
        WHERE CASE WHEN h.n > 0 THEN h.held ELSE coalesce(c.held, 0) END - coalesce(r.billed, 0) - coalesce(n.billed, 0) > @tolerance
        """;

    /// <inheritdoc />
    public async Task<ScreenResult> RunAsync(Npgsql.NpgsqlConnection connection, ScreenContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var s = context.Settings;
        // The rule: as-of − final issue date ≥ the days.
        var parameters = new { tenant = context.TenantId, finalBy = ProjectScreenQuery.Shift(context.AsOf, -(long)s.RetainageNeverInvoicedDays), tolerance = s.RetainageTolerance };
        return ScreenResult.OfProjects(await ProjectScreenQuery.IdsAsync(connection, Sql, parameters, ct).ConfigureAwait(false));
    }
}
