namespace Allometry.Core.Rules.Retainage;

using Allometry.Core.Imports;
using Allometry.Core.Ledger;

/// <summary>
/// The retainage of one project: what was held, line by line, and what was billed for release.
/// </summary>
/// <remarks>
/// Source: the project's rows of the <c>retainage</c> sheet when the sheet is present and has
/// any for it; otherwise the <c>retainage_held</c> column of its invoices (an operator who sends
/// no retainage sheet, or whose sheet forgot the project, still has the amounts on the invoices).
/// Billed for release: the subtotals of the project's <c>retainage_release</c> invoices that are
/// not void, plus any other invoice a hold names as its release invoice. A release invoice no
/// hold names (the sheet was not updated, or there is no sheet) is "unlinked": it counts against
/// the open lines as a whole, the oldest-due first being the natural reading of a partial release.
/// </remarks>
internal sealed class ProjectRetainage
{
    private ProjectRetainage(string projectId, IReadOnlyList<RetainageLine> lines, IReadOnlyList<Invoice> releaseInvoices)
    {
        ProjectId = projectId;
        Lines = lines;
        ReleaseInvoices = releaseInvoices;
        var named = lines.Select(l => l.ReleaseInvoiceId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        UnlinkedRelease = releaseInvoices.Where(i => !named.Contains(i.InvoiceId)).Sum(i => i.Subtotal);
    }

    public string ProjectId { get; }

    public IReadOnlyList<RetainageLine> Lines { get; }

    /// <summary>The project's release invoices (not void), in issue order.</summary>
    public IReadOnlyList<Invoice> ReleaseInvoices { get; }

    /// <summary>Subtotals of release invoices no line names.</summary>
    public decimal UnlinkedRelease { get; }

    /// <summary>Everything held on the project.</summary>
    public decimal Held => Lines.Sum(l => l.Held);

    /// <summary>Everything billed for release (subtotals of the release invoices).</summary>
    public decimal BilledForRelease => ReleaseInvoices.Sum(i => i.Subtotal);

    /// <summary>Lines not yet billed for release.</summary>
    public IEnumerable<RetainageLine> Open => Lines.Where(l => !l.Released);

    /// <summary>What is left of <paramref name="lines"/> once the unlinked release invoices are counted against them.</summary>
    public decimal Unbilled(IEnumerable<RetainageLine> lines) => Math.Max(0m, lines.Sum(l => l.Held) - UnlinkedRelease);

    public static ProjectRetainage Of(LedgerSnapshot ledger, string projectId)
    {
        var invoices = ledger.InvoicesOfProject(projectId).Where(i => i.Status != InvoiceStatus.Void).ToList();
        var holds = ledger.Has(LedgerSheets.Retainage) ? ledger.HoldsOf(projectId).ToList() : [];
        List<RetainageLine> lines = holds.Count > 0
            ? [.. holds.Select(h => FromHold(ledger, h))]
            : [.. invoices.Where(i => i.RetainageHeld > 0m && i.Kind != InvoiceKind.RetainageRelease).Select(FromColumn)];
        var named = lines.Select(l => l.ReleaseInvoiceId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var releases = invoices
            .Where(i => i.Kind == InvoiceKind.RetainageRelease || named.Contains(i.InvoiceId))
            .OrderBy(i => i.IssueDate)
            .ToList();
        return new ProjectRetainage(projectId, lines, releases);
    }

    /// <summary>
    /// Retainage recorded against one invoice and not released: its holds when the retainage
    /// sheet has any, else its <c>retainage_held</c> column.
    /// </summary>
    public static decimal OnInvoice(LedgerSnapshot ledger, Invoice invoice)
    {
        if (ledger.Has(LedgerSheets.Retainage) && invoice.ProjectId is { } projectId)
        {
            var holds = ledger.HoldsOf(projectId).Where(h => h.InvoiceId == invoice.InvoiceId).ToList();
            if (holds.Count > 0)
            {
                return holds.Where(h => !IsReleased(h)).Sum(h => h.HeldAmount);
            }
        }
        return invoice.RetainageHeld;
    }

    /// <summary>The evidence id of a hold: <c>project_id/invoice_id</c>, or the project id for a project-level hold.</summary>
    public static string HoldId(RetainageHold hold) => hold.InvoiceId is { } invoiceId ? $"{hold.ProjectId}/{invoiceId}" : hold.ProjectId;

    private static bool IsReleased(RetainageHold hold) => hold.ReleaseInvoiceId is not null || hold.ReleasedOn is not null;

    private static RetainageLine FromHold(LedgerSnapshot ledger, RetainageHold hold) => new(
        LedgerSheets.Retainage, HoldId(hold), hold.InvoiceId, hold.HeldAmount, ledger.Invoice(hold.InvoiceId)?.IssueDate,
        hold.ReleaseDueOn, IsReleased(hold), hold.ReleaseInvoiceId);

    private static RetainageLine FromColumn(Invoice invoice) => new(
        LedgerSheets.Invoices, invoice.InvoiceId, invoice.InvoiceId, invoice.RetainageHeld, invoice.IssueDate, null, false, null);
}
