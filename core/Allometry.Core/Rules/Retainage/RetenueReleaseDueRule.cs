namespace Allometry.Core.Rules.Retainage;

using Allometry.Core.Imports;
using Allometry.Core.Ledger;

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

    public IEnumerable<Finding> Evaluate(RuleContext context) =>
        ReleaseDueFindings.Evaluate(this, context, Province.QC, Say);

    private static ReleaseDueFindings.Words Say(ReleaseDueFindings.Facts f)
    {
        var (t, p, since, why, billed) = (f.Text, f.Project, f.Since, f.Why, f.Billed);
        var amount = f.Amount;
        return new(
            new($"Retainage release due — {p.Name}", $"Retenue contractuelle à facturer — {p.Name}"),
            new(
                $"{t.En(amount)} of retainage on {p.Name} ({p.ProjectId}) has been releasable since {since} ({why.En}); " +
                "no release invoice has been issued for it." +
                (billed > 0m ? $" The {t.En(billed)} already billed for release is deducted." : ""),
                $"{t.Fr(amount)} de retenue contractuelle sur {p.Name} ({p.ProjectId}) sont exigibles depuis le {since} " +
                $"({why.Fr}); aucune facture de libération n'a été émise." +
                (billed > 0m ? $" Les {t.Fr(billed)} déjà facturés pour libération sont déduits." : "")),
            new(
                $"Invoice the {t.En(amount)} retainage release to the client.",
                $"Facturez au client la libération de la retenue de {t.Fr(amount)}."));
    }
}
