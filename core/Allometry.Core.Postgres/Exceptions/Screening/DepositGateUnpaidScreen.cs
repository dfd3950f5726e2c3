namespace Allometry.Core.Postgres.Exceptions.Screening;

/// <summary>
/// Screens DepositGateUnpaid with the rule's own condition: a project that is not closed, whose
/// accepted quotes require a deposit, whose deposit invoices (not void) have received less than
/// the requirement less the tolerance, and with a delivery done or due within the lead days.
/// </summary>
/// <remarks>
/// Required (Σ round(total before tax × the quote's deposit %, else the project's, / 100, 2) over
/// the accepted quotes with a positive percentage) and paid (the applications to the deposit
/// invoices) are kept per project in <c>project_totals</c> (0019), with their difference indexed:
/// a deposit paid in full, or within the tolerance, never makes its project a candidate, and only
/// the short ones have their deliveries looked at. The projects are named for their deposits
/// (<see cref="ScreenResult.DepositProjectIds"/>): the rule reads a project's row, deliveries,
/// accepted quotes and deposit invoices with their applications, not its twenty other invoices.
/// </remarks>
public sealed class DepositGateUnpaidScreen : IRuleScreen
{
    /// <inheritdoc />
    public IReadOnlyList<string> RuleIds { get; } = ["DepositGateUnpaid"];

    private const string Sql = """
        SELECT t.project_id
        FROM project_totals t
        WHERE t.tenant_id = @tenant AND t.deposit_required > 0 AND NOT t.closed AND t.deposit_gap > @tolerance
          AND EXISTS (
              SELECT 1 FROM deliveries d
              WHERE d.tenant_id = @tenant AND d.project_id = t.project_id AND d.status IS DISTINCT FROM 'cancelled'
                AND (d.status IN ('delivered', 'installed') OR d.delivered_on <= @asOf OR d.scheduled_on <= @leadUntil))
        """;

    /// <inheritdoc />
    public async Task<ScreenResult> RunAsync(Npgsql.NpgsqlConnection connection, ScreenContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var s = context.Settings;
        // The rule: scheduled_on − as-of ≤ lead days; paid < required − tolerance.
        var leadUntil = ProjectScreenQuery.Shift(context.AsOf, s.DepositGateLeadDays);
        var parameters = new { tenant = context.TenantId, asOf = context.AsOf, leadUntil, tolerance = s.DepositTolerance };
        return ScreenResult.None with { DepositProjectIds = await ProjectScreenQuery.IdsAsync(connection, Sql, parameters, ct).ConfigureAwait(false) };
    }
}
