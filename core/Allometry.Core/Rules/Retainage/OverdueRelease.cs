namespace Allometry.Core.Rules.Retainage;

using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using static Allometry.Core.Rules.Retainage.RetainageText;

/// <summary>
/// Retainage of one project whose release date has passed and that no release invoice covers:
/// what HoldbackReleaseDue (Ontario) and RetenueReleaseDue (Quebec) report.
/// </summary>
/// <remarks>
/// Amount = the open lines past their release date, less the release invoices no hold names
/// (a partial release the retainage sheet does not itemize); nothing when that is within
/// <see cref="RuleSettings.RetainageTolerance"/>.
/// </remarks>
internal sealed class OverdueRelease
{
    private OverdueRelease(Project project, ProjectRetainage retainage, IReadOnlyList<(RetainageLine Line, ReleaseDate Due)> lines, decimal amount)
    {
        Project = project;
        Retainage = retainage;
        Lines = lines;
        Amount = amount;
    }

    public Project Project { get; }

    public ProjectRetainage Retainage { get; }

    /// <summary>The open lines past their release date, earliest due first.</summary>
    public IReadOnlyList<(RetainageLine Line, ReleaseDate Due)> Lines { get; }

    public decimal Amount { get; }

    /// <summary>The line that has been due the longest.</summary>
    public ReleaseDate Earliest => Lines[0].Due;

    public static OverdueRelease? Find(RuleContext context, Project project)
    {
        var retainage = ProjectRetainage.Of(context.Ledger, project.ProjectId);
        var calendar = ReleaseCalendar.For(context.Ledger, project.ProjectId, context.Settings);
        var due = retainage.Open
            .Select(line => (Line: line, Due: calendar.DueOf(line)))
            .Where(x => x.Due is { } d && d.PassedBy(context.AsOf))
            .Select(x => (x.Line, Due: x.Due!.Value))
            .OrderBy(x => x.Due.On)
            .ToList();
        if (due.Count == 0) return null;
        var amount = retainage.Unbilled(due.Select(x => x.Line));
        return amount > context.Settings.RetainageTolerance ? new OverdueRelease(project, retainage, due, amount) : null;
    }

    public IReadOnlyList<Evidence> Evidence()
    {
        var evidence = new List<Evidence>();
        foreach (var group in Lines.GroupBy(x => (x.Due.Basis, x.Due.Anchor)))
        {
            if (ReleaseWording.AnchorField(group.Key.Basis) is { } field)
            {
                var value = field == "contract_date" ? Project.ContractDate ?? group.Key.Anchor : group.Key.Anchor;
                evidence.Add(new(LedgerSheets.Projects, Project.ProjectId, field, null, Date(value), ReleaseWording.Why(group.First().Due)));
            }
        }
        foreach (var (line, due) in Lines)
        {
            evidence.Add(new(line.Sheet, line.RowId, line.Sheet == LedgerSheets.Retainage ? "release_invoice_id" : "retainage_held",
                $"billed for release by {Date(due.On)}", $"{Amount(line.Held)} held, not billed", ReleaseWording.Why(due)));
        }
        var named = Retainage.Lines.Select(l => l.ReleaseInvoiceId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var release in Retainage.ReleaseInvoices.Where(i => !named.Contains(i.InvoiceId)))
        {
            evidence.Add(new(LedgerSheets.Invoices, release.InvoiceId, "subtotal", null, Amount(release.Subtotal), new(
                "Release invoice no hold names: deducted from the retainage due.",
                "Facture de libération rattachée à aucune retenue : déduite de la retenue exigible.")));
        }
        return evidence;
    }
}
