namespace Allometry.Core.Postgres.Exceptions.Screening;

using Allometry.Core.Rules.Retainage;

/// <summary>
/// Screens PromptPaymentBreach for a negative tolerance, beside <see cref="PromptPaymentScreen"/>:
/// that screen reads invoices with a balance (through the open-invoice index), which is every
/// breach while the tolerance is zero or more — the holdback in a balance (NetOfHoldback) is the
/// whole balance or nothing, so the rule compares the balance or 0 with the tolerance.
/// </summary>
/// <remarks>
/// Only a negative tolerance (a setting no one should choose) makes a paid-up invoice a breach;
/// then every Ontario construction project under the regime with a progress or final invoice past
/// the payment days is a candidate. With any other tolerance this screen names nothing.
/// </remarks>
public sealed class PromptPaymentBreachScreen : IRuleScreen
{
    /// <inheritdoc />
    public IReadOnlyList<string> RuleIds { get; } = ["PromptPaymentBreach"];

    private const string Sql = """
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
        if (s.ShortPayTolerance >= 0m) return ScreenResult.None;
        // The rule: as-of − issue date > the payment days.
        var parameters = new
        {
            tenant = context.TenantId,
            regimeStart = PromptPaymentBreachRule.RegimeStart,
            issuedBefore = ProjectScreenQuery.Shift(context.AsOf, -(long)s.PromptPaymentDays),
        };
        return ScreenResult.OfProjects(await ProjectScreenQuery.IdsAsync(connection, Sql, parameters, ct).ConfigureAwait(false));
    }
}
