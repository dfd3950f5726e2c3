namespace Allometry.Core.Rules.Retainage;

using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using static Allometry.Core.Rules.Retainage.RetainageText;

/// <summary>
/// HypothecDeadline (Quebec): money is still owed on a project and at most
/// <see cref="RuleSettings.HypothecWarningDays"/> remain of the
/// <see cref="RuleSettings.HypothecWindowDays"/> after fin des travaux during which the legal
/// construction hypothec survives without registration (CCQ art. 2727).
/// </summary>
/// <remarks>
/// <para>Quebec sites with a <c>fin_travaux_on</c>. The last day to register is fin des travaux +
/// 30; the card appears when 7 days or fewer are left, down to 0 (the last day itself). With 8
/// left it is not raised yet.</para>
/// <para>Once the window has closed the rule says nothing: registering is no longer possible, so
/// "register the notice" would be wrong, and the ledger cannot tell whether a notice was
/// registered in time. The money still owed stays visible through the collections and release
/// rules. For the same reason the card reminds the reader to ignore it if the notice is filed.</para>
/// <para>Amount = money owed on the project: the balances of its invoices (not void) plus the
/// retainage not yet billed for release that is not already inside those balances (holdback
/// left on an invoice paid net, see <see cref="NetOfHoldback"/>) — the hypothec secures the
/// retenue too. Nothing within <see cref="RuleSettings.ShortPayTolerance"/> counts. Severity Critical.</para>
/// </remarks>
public sealed class HypothecDeadlineRule : IRule
{
    public string Id => "HypothecDeadline";

    public int Version => 1;

    /// <summary>The retainage sheet is read when present; invoices carry the amounts otherwise.</summary>
    public IReadOnlyList<string> RequiredSheets { get; } = [LedgerSheets.Projects, LedgerSheets.Invoices];

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var (ledger, settings) = (context.Ledger, context.Settings);
        foreach (var project in ledger.Projects.Where(p => p.SiteProvince == Province.QC))
        {
            if (project.FinTravauxOn is not { } fin) continue;
            var lastDay = fin.AddDays(settings.HypothecWindowDays);
            var left = lastDay.DayNumber - context.AsOf.DayNumber;
            if (left < 0 || left > settings.HypothecWarningDays) continue;
            var open = ledger.InvoicesOfProject(project.ProjectId).Where(i => i.Status != InvoiceStatus.Void && i.Balance != 0m).ToList();
            var retainage = ProjectRetainage.Of(ledger, project.ProjectId);
            var inBalances = open.Sum(i => NetOfHoldback.InBalance(ledger, i, settings));
            var heldApart = Math.Max(0m, retainage.Unbilled(retainage.Open) - inBalances);
            var owed = open.Sum(i => i.Balance) + heldApart;
            if (owed <= settings.ShortPayTolerance) continue;
            yield return Build(context, project, fin, lastDay, left, owed, open, heldApart > 0m ? retainage : null, heldApart);
        }
    }

    private Finding Build(RuleContext context, Project p, DateOnly fin, DateOnly lastDay, int left, decimal owed,
        IReadOnlyList<Invoice> open, ProjectRetainage? retainage, decimal heldApart)
    {
        var t = For(context);
        var (end, last) = (Date(fin), Date(lastDay));
        var evidence = new List<Evidence>
        {
            new(LedgerSheets.Projects, p.ProjectId, "fin_travaux_on", null, end, new(
                $"The hypothec window closes {last}: {DaysEn(left)} left.",
                $"Le délai de l'hypothèque légale se termine le {last} : il reste {DaysFr(left)}.")),
        };
        evidence.AddRange(open.Select(i => new Evidence(LedgerSheets.Invoices, i.InvoiceId, "balance", "0.00", Amount(i.Balance))));
        evidence.AddRange((retainage?.Open ?? []).Select(l => new Evidence(l.Sheet, l.RowId,
            l.Sheet == LedgerSheets.Retainage ? "held_amount" : "retainage_held", null, Amount(l.Held),
            new("Retainage not yet billed for release.", "Retenue pas encore facturée pour libération."))));
        return new Finding
        {
            RuleId = Id,
            RuleVersion = Version,
            Severity = Severity.Critical,
            Subject = new FindingSubject(SubjectKind.Project, p.ProjectId),
            AmountAtRisk = owed,
            Currency = t.Currency,
            PayerId = PayerOf(p),
            ProjectId = p.ProjectId,
            Title = left == 0
                ? new($"Legal hypothec lapses today — {p.Name}", $"L'hypothèque légale s'éteint aujourd'hui — {p.Name}")
                : new($"Legal hypothec lapses in {DaysEn(left)} — {p.Name}", $"L'hypothèque légale s'éteint dans {DaysFr(left)} — {p.Name}"),
            Detail = new(
                $"Work on {p.Name} ({p.ProjectId}) ended on {end}. The legal construction hypothec survives only until {last} " +
                $"unless a notice is registered (CCQ art. 2727), and {t.En(owed)} is still owed on the project" +
                (heldApart > 0m ? $", including {t.En(heldApart)} of retainage not yet invoiced." : "."),
                $"Les travaux de {p.Name} ({p.ProjectId}) ont pris fin le {end}. L'hypothèque légale de la construction ne subsiste " +
                $"que jusqu'au {last} à moins qu'un avis ne soit inscrit (art. 2727 C.c.Q.), et {t.Fr(owed)} sont encore dus sur le projet" +
                (heldApart > 0m ? $", dont {t.Fr(heldApart)} de retenue pas encore facturée." : ".")),
            SuggestedAction = new(
                $"Register the notice of legal hypothec at the land registry by {last} and serve it on the owner, " +
                "unless the project is paid first or the notice is already registered.",
                $"Inscrivez l'avis d'hypothèque légale au registre foncier au plus tard le {last} et signifiez-le au propriétaire, " +
                "à moins que le projet ne soit payé d'ici là ou que l'avis ne soit déjà inscrit."),
            Evidence = evidence,
        };
    }
}
