namespace Allometry.Core.Postgres.Exceptions.Screening;

/// <summary>
/// Screens PayerChangeExposure. Its findings need no screen: a project's finding counts only open
/// invoices (positive balance, not void), and the projectless part only open invoices without a
/// project — both in the base scope. What it names are the projects the liability map must see to
/// read the handoffs as the whole ledger does.
/// </summary>
/// <remarks>
/// LiabilityMap scopes a handoff A → B to the projects of A that declare a current payer; when no
/// project of A declares one, the handoff applies to all of A's receivables. A declaring project
/// with nothing open would be missing from a screened read, and the handoff would then wrongly
/// apply to A's other projects and projectless invoices. So: every project declaring a current
/// payer other than its contract payer, when that contract payer is the origin of a link that is
/// not a succession (successions apply regardless). Few rows, read through
/// <c>projects_current_payer_idx</c>. OverdueInvoice and ShortPayUnresolved read the same map.
/// </remarks>
public sealed class PayerChangeExposureScreen : IRuleScreen
{
    /// <inheritdoc />
    public IReadOnlyList<string> RuleIds { get; } = ["PayerChangeExposure"];

    private const string Sql = """
        SELECT p.project_id
        FROM projects p
        WHERE p.tenant_id = @tenant AND p.current_payer_id IS NOT NULL AND p.current_payer_id <> p.contract_payer_id
          AND EXISTS (
              SELECT 1 FROM entity_links l
              WHERE l.tenant_id = @tenant AND l.from_payer_id = p.contract_payer_id AND l.kind <> 'successor')
        """;

    /// <inheritdoc />
    public async Task<ScreenResult> RunAsync(Npgsql.NpgsqlConnection connection, ScreenContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ScreenResult.OfProjects(await ProjectScreenQuery.IdsAsync(connection, Sql, new { tenant = context.TenantId }, ct).ConfigureAwait(false));
    }
}
