namespace Allometry.Core.Postgres.Exceptions.Screening;

using Allometry.Core.Rules.Deposits;

/// <summary>
/// Screens RenewalPrebillDue with the rule's condition: a contract renewing within the notice (or
/// urgent) days, or lapsed while its service is active, with no invoice billing the coming term —
/// neither its last_renewal_invoice_id nor a service invoice of its project to its payer, not void
/// and issued on or after <see cref="RenewalPrebillDueRule.TermBillingOpens"/> months before the renewal.
/// </summary>
/// <remarks>
/// Returns the contracts' projects. A contract without a project has nothing to name here: the
/// screened read loads every projectless contract (and the invoice it names) anyway. The service
/// invoices are read through <c>invoices_service_idx</c>.
/// </remarks>
public sealed class RenewalPrebillDueScreen : IRuleScreen
{
    /// <inheritdoc />
    public IReadOnlyList<string> RuleIds { get; } = ["RenewalPrebillDue"];

    // PostgreSQL's date - interval 'n months' keeps the day or clamps it to the month's end, as
    // DateOnly.AddMonths does.
    private const string Sql = """
        SELECT c.project_id
        FROM service_contracts c
        WHERE c.tenant_id = @tenant AND c.project_id IS NOT NULL
          AND ((c.renewal_date < @asOf AND coalesce(c.service_active, true))
               OR (c.renewal_date >= @asOf AND c.renewal_date <= @noticeUntil))
          AND NOT EXISTS (
              SELECT 1 FROM invoices i
              WHERE i.tenant_id = @tenant AND i.invoice_id = c.last_renewal_invoice_id AND i.status <> 'void'
                AND i.issue_date >= (c.renewal_date - make_interval(months => @opensMonths))::date)
          AND NOT EXISTS (
              SELECT 1 FROM invoices i
              WHERE i.tenant_id = @tenant AND i.project_id = c.project_id AND i.kind = 'service' AND i.status <> 'void'
                AND i.payer_id = c.payer_id
                AND i.issue_date >= (c.renewal_date - make_interval(months => @opensMonths))::date)
        """;

    /// <inheritdoc />
    public async Task<ScreenResult> RunAsync(Npgsql.NpgsqlConnection connection, ScreenContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var s = context.Settings;
        // Days to renewal in [0, notice] is Medium and in [0, urgent] High: either raises it.
        var noticeUntil = ProjectScreenQuery.Shift(context.AsOf, Math.Max(s.RenewalNoticeDays, s.RenewalUrgentDays));
        var parameters = new { tenant = context.TenantId, asOf = context.AsOf, noticeUntil, opensMonths = RenewalPrebillDueRule.TermBillingOpens };
        return ScreenResult.OfProjects(await ProjectScreenQuery.IdsAsync(connection, Sql, parameters, ct).ConfigureAwait(false));
    }
}
