namespace Allometry.Core.Rules.Retainage;

using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using static Allometry.Core.Rules.Retainage.RetainageText;

/// <summary>
/// RetainageNeverInvoiced: retainage held on a project exceeds what was billed for release by
/// more than <see cref="RuleSettings.RetainageTolerance"/>, and the project's final invoice is at
/// least <see cref="RuleSettings.RetainageNeverInvoicedDays"/> old — margin aging into write-off.
/// </summary>
/// <remarks>
/// Any province. The final invoice is the project's latest <c>final</c> invoice that is not void;
/// a project without one is not judged (its work is not billed out yet). Fires on day 30 after
/// it, not on day 29. Held: the project's rows of the retainage sheet when the sheet has any,
/// else the <c>retainage_held</c> column of its invoices — so the rule also runs on a workbook
/// without a retainage sheet. Billed for release: the subtotals of its <c>retainage_release</c>
/// invoices (and of any invoice a hold names as its release). Subject: the project (the
/// projects sheet only adds the name and payer). Amount = held − billed for release. Severity High.
/// </remarks>
public sealed class RetainageNeverInvoicedRule : IRule
{
    public string Id => "RetainageNeverInvoiced";

    public int Version => 1;

    /// <summary>Projects and the retainage sheet are read when present; invoices alone suffice.</summary>
    public IReadOnlyList<string> RequiredSheets { get; } = [LedgerSheets.Invoices];

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var (ledger, settings) = (context.Ledger, context.Settings);
        var projectIds = ledger.Invoices.Select(i => i.ProjectId).OfType<string>().Distinct(StringComparer.Ordinal);
        foreach (var projectId in projectIds)
        {
            var final = ledger.InvoicesOfProject(projectId)
                .Where(i => i.Kind == InvoiceKind.Final && i.Status != InvoiceStatus.Void)
                .MaxBy(i => i.IssueDate);
            if (final is null) continue;
            var days = context.AsOf.DayNumber - final.IssueDate.DayNumber;
            if (days < settings.RetainageNeverInvoicedDays) continue;
            var retainage = ProjectRetainage.Of(ledger, projectId);
            var unbilled = retainage.Held - retainage.BilledForRelease;
            if (unbilled <= settings.RetainageTolerance) continue;
            yield return Build(context, ledger.Project(projectId), final, days, retainage, unbilled);
        }
    }

    private Finding Build(RuleContext context, Project? project, Invoice final, int days, ProjectRetainage retainage, decimal unbilled)
    {
        var t = For(context);
        var name = Name(project, retainage.ProjectId);
        var issued = Date(final.IssueDate);
        var (held, billed) = (retainage.Held, retainage.BilledForRelease);
        var evidence = new List<Evidence>
        {
            new(LedgerSheets.Invoices, final.InvoiceId, "issue_date",
                $"retainage billed for release within {context.Settings.RetainageNeverInvoicedDays} days", issued, new(
                    $"Final invoice, {DaysEn(days)} before the as-of date.", $"Facture finale, {DaysFr(days)} avant la date d'arrêté.")),
        };
        evidence.AddRange(retainage.Lines.Select(l => new Evidence(l.Sheet, l.RowId,
            l.Sheet == LedgerSheets.Retainage ? "held_amount" : "retainage_held", null, Amount(l.Held))));
        evidence.AddRange(retainage.ReleaseInvoices.Select(i => new Evidence(LedgerSheets.Invoices, i.InvoiceId, "subtotal", null,
            Amount(i.Subtotal), new("Billed for release.", "Facturé pour libération."))));
        return new Finding
        {
            RuleId = Id,
            RuleVersion = Version,
            Severity = Severity.High,
            Subject = new FindingSubject(SubjectKind.Project, retainage.ProjectId),
            AmountAtRisk = unbilled,
            Currency = t.Currency,
            PayerId = PayerOf(project) ?? final.PayerId,
            ProjectId = retainage.ProjectId,
            Title = new($"Retainage never invoiced — {name}", $"Retenue jamais facturée — {name}"),
            Detail = new(
                $"The final invoice {final.InvoiceId} was issued on {issued}, {DaysEn(days)} ago. {t.En(held)} of retainage was held " +
                $"on {name} and {t.En(billed)} billed for release: {t.En(unbilled)} has never been invoiced.",
                $"La facture finale {final.InvoiceId} a été émise le {issued}, il y a {DaysFr(days)}. Sur {name}, la retenue " +
                $"totalise {t.Fr(held)} et {t.Fr(billed)} ont été facturés pour libération : {t.Fr(unbilled)} n'ont jamais été facturés."),
            SuggestedAction = new(
                $"Issue the retainage release invoice for {t.En(unbilled)}.",
                $"Émettez la facture de libération de la retenue de {t.Fr(unbilled)}."),
            Evidence = evidence,
        };
    }
}
