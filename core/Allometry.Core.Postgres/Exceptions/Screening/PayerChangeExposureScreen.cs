namespace Allometry.Core.Postgres.Exceptions.Screening;

/// <summary>
/// Screens PayerChangeExposure: the projects with an open invoice (balance &gt; 0, not void) where
/// some open invoice can be exposed, and the projects the liability map must see.
/// </summary>
/// <remarks>
/// <para>Without a declared current payer other than the contract payer, and without a succession
/// or handoff leaving the contract payer, LiabilityMap holds the contract payer liable on every
/// date: an open invoice is then exposed only when billed to someone else, or when a third party
/// paid the project's invoices. So a project with an open invoice is a candidate when it declares
/// a current payer, its contract payer hands or passes liability on, an open invoice is billed to
/// another payer, or an application to its invoices came from a payment of another payer than the
/// invoice's (<c>project_totals.foreign_applications</c>, 0019). The open invoices are read through
/// <c>invoices_open_idx</c> (0018).</para>
/// <para>The map scopes a handoff A → B to the projects of A that declare a current payer; when no
/// project of A declares one, the handoff applies to all of A's receivables (projectless ones
/// included). A declaring project with nothing open must therefore be read too, or the handoff
/// would wrongly move A's other receivables: every project declaring a current payer other than
/// its contract payer, when that contract payer is the origin of a link that is not a succession.
/// The projectless part reports only on open invoices without a project, which the base scope reads.</para>
/// </remarks>
public sealed class PayerChangeExposureScreen : IRuleScreen
{
    /// <inheritdoc />
    public IReadOnlyList<string> RuleIds { get; } = ["PayerChangeExposure"];

    private const string Sql = """
        WITH open AS (
            SELECT i.project_id, bool_or(i.payer_id <> p.contract_payer_id) AS billed_elsewhere,
                   min(p.contract_payer_id) AS contract_payer_id,
                   bool_or(p.current_payer_id IS NOT NULL AND p.current_payer_id <> p.contract_payer_id) AS declares
            FROM invoices i
            JOIN projects p ON p.tenant_id = i.tenant_id AND p.project_id = i.project_id
            WHERE i.tenant_id = @tenant AND i.balance <> 0 AND i.status <> 'void' AND i.balance > 0 AND i.project_id IS NOT NULL
            GROUP BY i.project_id
        )
        SELECT o.project_id
        FROM open o
        WHERE o.billed_elsewhere OR o.declares
           OR EXISTS (SELECT 1 FROM entity_links l
                      WHERE l.tenant_id = @tenant AND l.from_payer_id = o.contract_payer_id AND l.kind IN ('successor', 'handoff'))
           OR EXISTS (SELECT 1 FROM project_totals t
                      WHERE t.tenant_id = @tenant AND t.project_id = o.project_id AND t.foreign_applications > 0)
        UNION
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
