namespace Allometry.Core.Rules.Retainage;

using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using static Allometry.Core.Rules.Retainage.RetainageText;

/// <summary>
/// RetenueReleaseDue (Quebec): retenue contractuelle still open, with no release invoice, after
/// réception des travaux + N days (the project's <c>release_days</c>, else
/// <see cref="RuleSettings.QuebecReleaseDays"/>) or after the release date the books record.
/// </summary>
/// <remarks>
/// Quebec sites only; nothing is due before réception (CCQ 2111), so without réception only a
/// recorded <c>release_due_on</c> sets a date. Fires the day after the release date. A retenue
/// released in part (réception avec réserves, then acceptance) is handled hold by hold: only
/// the holds already due count, less release invoices no hold names. Subject: the project.
/// Amount = retenue past its release date not billed for release. Severity High.
/// </remarks>
public sealed class RetenueReleaseDueRule : IRule
{
    public string Id => "RetenueReleaseDue";

    public int Version => 1;

    /// <summary>The retainage sheet is read when present; invoices carry the amounts otherwise.</summary>
    public IReadOnlyList<string> RequiredSheets { get; } = [LedgerSheets.Projects, LedgerSheets.Invoices];

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        foreach (var project in context.Ledger.Projects.Where(p => p.SiteProvince == Province.QC))
        {
            if (OverdueRelease.Find(context, project) is { } overdue)
            {
                yield return Build(context, overdue);
            }
        }
    }

    private Finding Build(RuleContext context, OverdueRelease overdue)
    {
        var t = For(context);
        var p = overdue.Project;
        var why = ReleaseWording.Why(overdue.Earliest);
        var since = Date(overdue.Earliest.On);
        var billed = overdue.Retainage.BilledForRelease;
        return new Finding
        {
            RuleId = Id,
            RuleVersion = Version,
            Severity = Severity.High,
            Subject = new FindingSubject(SubjectKind.Project, p.ProjectId),
            AmountAtRisk = overdue.Amount,
            Currency = t.Currency,
            PayerId = PayerOf(p),
            ProjectId = p.ProjectId,
            Title = new($"Retainage release due — {p.Name}", $"Retenue contractuelle à facturer — {p.Name}"),
            Detail = new(
                $"{t.En(overdue.Amount)} of retainage on {p.Name} ({p.ProjectId}) has been releasable since {since} ({why.En}); " +
                "no release invoice has been issued for it." +
                (billed > 0m ? $" The {t.En(billed)} already billed for release is deducted." : ""),
                $"{t.Fr(overdue.Amount)} de retenue contractuelle sur {p.Name} ({p.ProjectId}) sont exigibles depuis le {since} " +
                $"({why.Fr}); aucune facture de libération n'a été émise." +
                (billed > 0m ? $" Les {t.Fr(billed)} déjà facturés pour libération sont déduits." : "")),
            SuggestedAction = new(
                $"Invoice the {t.En(overdue.Amount)} retainage release to the client.",
                $"Facturez au client la libération de la retenue de {t.Fr(overdue.Amount)}."),
            Evidence = overdue.Evidence(),
        };
    }
}
