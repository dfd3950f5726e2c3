namespace Allometry.Core.Postgres.Exceptions.Screening;

using Npgsql;

/// <summary>
/// RetainageAgedMisclassified reports an open invoice (balance &gt; 0, not a release invoice) aged
/// over 60 days whose balance is its retainage (NetOfHoldback.InBalance: partly paid, and the
/// balance within the tolerance of the retainage on it, before or after tax), unless the
/// retainage's release date has passed. Its verdict needs the project whole (the release calendar
/// reads the final invoice and the holds), so the projects (and projectless invoices) of such
/// aged invoices are read whole.
/// </summary>
/// <remarks>
/// The retainage on an invoice is ProjectRetainage.OnInvoice's: the unreleased holds naming it
/// when any hold names it, else its <c>retainage_held</c>. The balance is compared with a cent
/// more slack than the tolerance: the rule rounds the taxed retainage to the cent, the screen
/// does not, and a screen may name more, never less. An aged invoice left wholly unpaid (balance =
/// total) is not holdback: most aged open invoices are that, and are not candidates.
/// </remarks>
public sealed class RetainageAgedScreen : IRuleScreen
{
    private const string Sql = """
        SELECT DISTINCT i.project_id, CASE WHEN i.project_id IS NULL THEN i.invoice_id END
        FROM invoices i
        CROSS JOIN LATERAL (
            SELECT CASE WHEN EXISTS (SELECT 1 FROM retainage_holds h
                                     WHERE h.tenant_id = i.tenant_id AND h.project_id = i.project_id AND h.invoice_id = i.invoice_id)
                        THEN coalesce((SELECT sum(h.held_amount) FROM retainage_holds h
                                       WHERE h.tenant_id = i.tenant_id AND h.project_id = i.project_id AND h.invoice_id = i.invoice_id
                                         AND h.release_invoice_id IS NULL AND h.released_on IS NULL), 0)
                        ELSE i.retainage_held END AS held) r
        WHERE i.tenant_id = @tenant AND i.balance <> 0 AND i.balance > 0 AND i.status <> 'void' AND i.kind <> 'retainage_release'
          AND i.due_date < @agedBefore AND i.balance < i.total AND r.held > 0
          AND (abs(i.balance - r.held) <= @slack
               OR abs(i.balance - CASE WHEN i.subtotal = 0 THEN r.held ELSE r.held * i.total / i.subtotal END) <= @slack)
        """;

    /// <inheritdoc/>
    public IReadOnlyList<string> RuleIds { get; } = ["RetainageAgedMisclassified"];

    /// <inheritdoc/>
    public Task<ScreenResult> RunAsync(NpgsqlConnection connection, ScreenContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var parameters = new
        {
            tenant = context.TenantId,
            agedBefore = ProjectScreenQuery.Shift(context.AsOf, -60),
            slack = context.Settings.RetainageTolerance + 0.01m,
        };
        return ProjectScreenQuery.ProjectsAndInvoicesAsync(connection, Sql, parameters, ct);
    }
}
