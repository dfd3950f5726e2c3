namespace Allometry.Core.Postgres.Exceptions.Screening;

using Npgsql;

/// <summary>
/// RetainageAgedMisclassified reports an open invoice (balance &gt; 0, not a release invoice) aged
/// over 60 days whose balance is its retainage, unless the retainage's release date has passed. Its
/// verdict needs the project whole (the release calendar reads the final invoice and the holds),
/// so the projects (and projectless invoices) of such aged invoices with retainage are read whole.
/// </summary>
public sealed class RetainageAgedScreen : IRuleScreen
{
    // Retainage on the invoice: its retainage_held, or a hold naming it (ProjectRetainage.OnInvoice).
    private const string Sql = """
        SELECT DISTINCT i.project_id, CASE WHEN i.project_id IS NULL THEN i.invoice_id END
        FROM invoices i
        WHERE i.tenant_id = @tenant AND i.balance <> 0 AND i.balance > 0 AND i.status <> 'void' AND i.kind <> 'retainage_release'
          AND i.due_date < @agedBefore
          AND (i.retainage_held > 0
               OR EXISTS (SELECT 1 FROM retainage_holds h
                          WHERE h.tenant_id = i.tenant_id AND h.project_id = i.project_id AND h.invoice_id = i.invoice_id AND h.held_amount > 0))
        """;

    /// <inheritdoc/>
    public IReadOnlyList<string> RuleIds { get; } = ["RetainageAgedMisclassified"];

    /// <inheritdoc/>
    public Task<ScreenResult> RunAsync(NpgsqlConnection connection, ScreenContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var parameters = new { tenant = context.TenantId, agedBefore = ProjectScreenQuery.Shift(context.AsOf, -60) };
        return ProjectScreenQuery.ProjectsAndInvoicesAsync(connection, Sql, parameters, ct);
    }
}
