namespace Allometry.Core.Postgres.Exceptions.Screening;

using Allometry.Core.Rules.Retainage;

/// <summary>
/// PromptPaymentBreach reports, on an Ontario construction project under the prompt-payment regime,
/// a progress or final invoice issued more than the payment period ago whose unpaid part net of
/// holdback exceeds the tolerance. Netting the holdback needs the project's holds, so those
/// projects are read whole.
/// </summary>
/// <remarks>
/// The holdback in a balance (NetOfHoldback) is the whole balance or nothing, so with a tolerance
/// of zero or more a breach has a balance above the tolerance: the open-invoice index finds them.
/// Only a negative tolerance (a setting no one should choose) makes a paid-up invoice a breach;
/// then every project under the regime with such an invoice past the payment days is a candidate.
/// </remarks>
public sealed class PromptPaymentBreachScreen : IRuleScreen
{
    /// <inheritdoc />
    public IReadOnlyList<string> RuleIds { get; } = ["PromptPaymentBreach"];

    private const string OpenSql = """
        SELECT DISTINCT p.project_id
        FROM projects p
        JOIN invoices i ON i.tenant_id = p.tenant_id AND i.project_id = p.project_id
        WHERE p.tenant_id = @tenant AND p.site_province = 'ON' AND p.supply_type = 'construction' AND p.contract_date >= @regimeStart
          AND i.balance <> 0 AND i.balance > @tolerance AND i.status <> 'void' AND i.kind IN ('progress', 'final')
          AND i.issue_date < @issuedBefore
        """;

    private const string AnySql = """
        SELECT p.project_id
        FROM projects p
        WHERE p.tenant_id = @tenant AND p.site_province = 'ON' AND p.supply_type = 'construction' AND p.contract_date >= @regimeStart
          AND EXISTS (
              SELECT 1 FROM invoices i
              WHERE i.tenant_id = @tenant AND i.project_id = p.project_id AND i.status <> 'void'
                AND i.kind IN ('progress', 'final') AND i.issue_date < @issuedBefore)
        """;

    /// <inheritdoc />
    public async Task<ScreenResult> RunAsync(Npgsql.NpgsqlConnection connection, ScreenContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var s = context.Settings;
        // The rule: as-of − issue date > the payment days.
        var parameters = new
        {
            tenant = context.TenantId,
            regimeStart = PromptPaymentBreachRule.RegimeStart,
            tolerance = s.ShortPayTolerance,
            issuedBefore = ProjectScreenQuery.Shift(context.AsOf, -(long)s.PromptPaymentDays),
        };
        var sql = s.ShortPayTolerance >= 0m ? OpenSql : AnySql;
        return ScreenResult.OfProjects(await ProjectScreenQuery.IdsAsync(connection, sql, parameters, ct).ConfigureAwait(false));
    }
}
