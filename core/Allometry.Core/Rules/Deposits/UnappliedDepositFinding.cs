namespace Allometry.Core.Rules.Deposits;

using Allometry.Core.Imports;
using Allometry.Core.Ledger;

/// <summary>The words and evidence of an <see cref="UnappliedDepositRule"/> finding.</summary>
internal static class UnappliedDepositFinding
{
    public static Finding Build(IRule rule, RuleContext context, UnusedCredit credit, List<(Invoice Invoice, decimal Amount)> claimed)
    {
        var w = Wording.For(context);
        var amount = claimed.Sum(c => c.Amount);
        var oldest = claimed[0].Invoice;
        var age = context.AsOf.DayNumber - oldest.IssueDate.DayNumber;
        var days = context.Settings.UnappliedDepositDays;
        var openTotal = claimed.Sum(c => c.Invoice.Balance);
        var (whatEn, whatFr) = credit.Kind == SubjectKind.Invoice
            ? ($"Credit note {credit.Id}", $"La note de crédit {credit.Id}")
            : ($"Payment {credit.Id} of {Wording.Date(credit.Date)}", $"Le paiement {credit.Id} du {Wording.Date(credit.Date)}");
        var evidence = new List<Evidence>
        {
            credit.Kind == SubjectKind.Invoice
                ? new(LedgerSheets.Invoices, credit.Id, "balance", Wording.Amount(0m), Wording.Amount(-credit.Amount), new(
                    "Credit left on the credit note.", "Crédit restant sur la note de crédit."))
                : new(LedgerSheets.Payments, credit.Id, "unapplied", Wording.Amount(0m), Wording.Amount(credit.Amount), new(
                    "Amount − applications.", "Montant − affectations.")),
        };
        evidence.AddRange(claimed.Select(c => new Evidence(LedgerSheets.Invoices, c.Invoice.InvoiceId, "balance", null, Wording.Amount(c.Invoice.Balance), new(
            $"Open since {Wording.Date(c.Invoice.IssueDate)}; the credit could settle {w.En(c.Amount)}.",
            $"Ouverte depuis le {Wording.Date(c.Invoice.IssueDate)}; le crédit pourrait en régler {w.Fr(c.Amount)}."))));
        return new Finding
        {
            RuleId = rule.Id,
            RuleVersion = rule.Version,
            Severity = Severity.Medium,
            Subject = new FindingSubject(credit.Kind, credit.Id),
            AmountAtRisk = amount,
            Currency = w.Currency,
            PayerId = credit.PayerId,
            ProjectId = credit.ProjectId,
            Title = new($"Unused credit of {w.En(credit.Amount)} on project {credit.ProjectId}",
                $"Crédit inutilisé de {w.Fr(credit.Amount)} sur le projet {credit.ProjectId}"),
            Detail = new(
                $"{whatEn} leaves {w.En(credit.Amount)} unused while the same customer owes {w.En(openTotal)} on invoices of the project " +
                $"open for more than {Wording.DaysEn(days)} (oldest: {oldest.InvoiceId}, issued {Wording.DaysEn(age)} ago).",
                $"{whatFr} laisse {w.Fr(credit.Amount)} inutilisés alors que le même client doit {w.Fr(openTotal)} sur des factures du projet " +
                $"ouvertes depuis plus de {Wording.DaysFr(days)} (la plus ancienne : {oldest.InvoiceId}, émise il y a {Wording.DaysFr(age)})."),
            SuggestedAction = new(
                $"Apply the credit to {string.Join(", ", claimed.Select(c => c.Invoice.InvoiceId))} ({w.En(amount)}), or refund it if the customer asks.",
                $"Appliquer le crédit à {string.Join(", ", claimed.Select(c => c.Invoice.InvoiceId))} ({w.Fr(amount)}), ou le rembourser si le client le demande."),
            Evidence = evidence,
        };
    }
}
