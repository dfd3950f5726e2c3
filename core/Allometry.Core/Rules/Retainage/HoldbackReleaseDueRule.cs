namespace Allometry.Core.Rules.Retainage;

using Allometry.Core.Imports;
using Allometry.Core.Ledger;

/// <summary>
/// HoldbackReleaseDue (Ontario): holdback whose release date has passed and that no release
/// invoice covers — after the lien period that follows the published Certificate of Substantial
/// Performance, at an annual release, or at the date the books or the contract set.
/// </summary>
/// <remarks>
/// Ontario sites only. The CSP path fires from the 61st day after publication (the 60-day lien
/// period runs through day 60). Release dates are those of <see cref="ReleaseCalendar"/>; the
/// amounts come from the retainage sheet or, without it, the invoices' <c>retainage_held</c>
/// (<see cref="ProjectRetainage"/>). The ledger records no liens: the card asks to check before
/// invoicing. Subject: the project. Amount = holdback past its release date not billed for
/// release (see <see cref="OverdueRelease"/>). Severity High.
/// </remarks>
public sealed class HoldbackReleaseDueRule : IRule
{
    public string Id => "HoldbackReleaseDue";

    public int Version => 1;

    /// <summary>The retainage sheet is read when present; invoices carry the amounts otherwise.</summary>
    public IReadOnlyList<string> RequiredSheets { get; } = [LedgerSheets.Projects, LedgerSheets.Invoices];

    public IEnumerable<Finding> Evaluate(RuleContext context) =>
        ReleaseDueFindings.Evaluate(this, context, Province.ON, Say);

    private static ReleaseDueFindings.Words Say(ReleaseDueFindings.Facts f)
    {
        var (t, p, since, why, billed) = (f.Text, f.Project, f.Since, f.Why, f.Billed);
        var amount = f.Amount;
        return new(
            new($"Holdback release due — {p.Name}", $"Retenue à libérer — {p.Name}"),
            new(
                $"{t.En(amount)} of holdback on {p.Name} ({p.ProjectId}) has been payable since {since} ({why.En}) " +
                "and has not been invoiced for release." +
                (billed > 0m ? $" The {t.En(billed)} already billed for release is deducted." : ""),
                $"{t.Fr(amount)} de retenue sur {p.Name} ({p.ProjectId}) sont exigibles depuis le {since} ({why.Fr}) " +
                "et n'ont pas été facturés pour libération." +
                (billed > 0m ? $" Les {t.Fr(billed)} déjà facturés pour libération sont déduits." : "")),
            new(
                $"Invoice the {t.En(amount)} holdback release now, after checking that no lien has been preserved on the project.",
                $"Facturez dès maintenant la libération de la retenue de {t.Fr(amount)}, après avoir vérifié " +
                "qu'aucun privilège n'a été conservé sur le projet."));
    }
}
