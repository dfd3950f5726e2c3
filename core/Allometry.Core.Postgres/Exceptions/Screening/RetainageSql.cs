namespace Allometry.Core.Postgres.Exceptions.Screening;

/// <summary>
/// SQL fragments for a project's retainage as ProjectRetainage reads it, for the retainage screens.
/// Each expects the project id as <c>{0}</c> and the tenant as <c>@tenant</c>.
/// </summary>
/// <remarks>
/// Lines come from the project's holds when it has any (a project with holds means the tenant has
/// the retainage sheet), else from the <c>retainage_held</c> of its invoices that are neither void
/// nor releases. Billed for release: the non-void invoices of the project that are releases or
/// that a hold of the project names as its release invoice, each once.
/// </remarks>
internal static class RetainageSql
{
    /// <summary>The positive part of the lines not yet released: at least what any subset of them holds.</summary>
    public const string OpenHeldBound = """
        CASE WHEN EXISTS (SELECT 1 FROM retainage_holds h WHERE h.tenant_id = @tenant AND h.project_id = {0})
             THEN coalesce((SELECT sum(greatest(h.held_amount, 0)) FROM retainage_holds h
                            WHERE h.tenant_id = @tenant AND h.project_id = {0}
                              AND h.release_invoice_id IS NULL AND h.released_on IS NULL), 0)
             ELSE coalesce((SELECT sum(i.retainage_held) FROM invoices i
                            WHERE i.tenant_id = @tenant AND i.project_id = {0}
                              AND i.retainage_held > 0 AND i.status <> 'void' AND i.kind <> 'retainage_release'), 0)
        END
        """;

    /// <summary>Subtotals of the project's release invoices no hold of the project names (a partial release not itemized).</summary>
    public const string UnlinkedRelease = """
        coalesce((SELECT sum(r.subtotal) FROM invoices r
                  WHERE r.tenant_id = @tenant AND r.project_id = {0} AND r.kind = 'retainage_release' AND r.status <> 'void'
                    AND NOT EXISTS (SELECT 1 FROM retainage_holds h
                                    WHERE h.tenant_id = @tenant AND h.project_id = {0} AND h.release_invoice_id = r.invoice_id)), 0)
        """;

    /// <summary>Fills in the project id expression.</summary>
    public static string For(string fragment, string projectId) => fragment.Replace("{0}", projectId, StringComparison.Ordinal);
}
