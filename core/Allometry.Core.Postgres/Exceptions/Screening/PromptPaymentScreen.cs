namespace Allometry.Core.Postgres.Exceptions.Screening;

using Allometry.Core.Rules.Retainage;
using Npgsql;

/// <summary>
/// PromptPaymentBreach reports, on an Ontario construction project under the prompt-payment regime,
/// a progress or final invoice issued more than the payment period ago whose unpaid part net of
/// holdback exceeds the tolerance — so its balance exceeds the tolerance. Netting the holdback needs
/// the project's holds, so those projects are read whole.
/// </summary>
public sealed class PromptPaymentScreen : IRuleScreen
{
    private const string Sql = """
        SELECT DISTINCT p.project_id, NULL::text
        FROM projects p
        JOIN invoices i ON i.tenant_id = p.tenant_id AND i.project_id = p.project_id
        WHERE p.tenant_id = @tenant AND p.site_province = 'ON' AND p.supply_type = 'construction' AND p.contract_date >= @regime
          AND i.balance <> 0 AND i.balance > @tolerance AND i.status <> 'void' AND i.kind IN ('progress', 'final')
          AND i.issue_date < @as_of - @days
        """;

    /// <inheritdoc/>
    public IReadOnlyList<string> RuleIds { get; } = ["PromptPaymentBreach"];

    /// <inheritdoc/>
    public Task<ScreenResult> RunAsync(NpgsqlConnection connection, ScreenContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ScreenQuery.RunAsync(connection, Sql,
        [
            new NpgsqlParameter<string>("tenant", context.TenantId), new NpgsqlParameter<DateOnly>("as_of", context.AsOf),
            new NpgsqlParameter<DateOnly>("regime", PromptPaymentBreachRule.RegimeStart),
            new NpgsqlParameter<decimal>("tolerance", context.Settings.ShortPayTolerance),
            new NpgsqlParameter<int>("days", context.Settings.PromptPaymentDays),
        ], ct);
    }
}
