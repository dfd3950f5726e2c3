namespace Allometry.Core.Rules.Collections;

using Allometry.Core.Exceptions;
using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.Localization;

/// <summary>
/// UnappliedCash (domain.md §4), Medium: cash received more than
/// <see cref="RuleSettings.UnappliedCashDays"/> days ago is not applied while the same payer has
/// open invoices. Runs on a bare aging export, where unapplied cash shows as negative balances.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>With a <c>payments</c> sheet: each payment whose amount exceeds its applications;
/// subject the payment, amount its unapplied part.</item>
/// <item>Negative balances: lines of an aging export (or any negative line when the ledger has no
/// <c>payments</c> sheet) of payers with no payment rows; subject the line, amount its credit.
/// A credit note of a ledger workbook that has payments is a credit, not cash: UnappliedDeposit
/// looks at those. An aging-summary line is dated at its bucket's lower bound, so its age is a
/// lower bound too.</item>
/// </list>
/// </remarks>
public sealed class UnappliedCashRule : IRule, IExplainsClosure
{
    public string Id => "UnappliedCash";

    public int Version => 1;

    public IReadOnlyList<string> RequiredSheets { get; } = [LedgerSheets.Invoices];

    /// <inheritdoc />
    public LocalizedText? ClosureReason(FindingSubject subject, RuleContext context) => CollectionsClosure.OfCash(subject, context);

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var ledger = context.Ledger;
        var hasPayments = ledger.Has(LedgerSheets.Payments);
        var minDays = context.Settings.UnappliedCashDays;
        // Filter before sorting: a large ledger has hundreds of thousands of payments and a handful unapplied.
        var candidates = ledger.Payments
            .Select(p => (Payment: p, Unapplied: ledger.UnappliedAmount(p)))
            .Where(x => x.Unapplied > 0m && context.AsOf.DayNumber - x.Payment.ReceivedOn.DayNumber > minDays)
            .OrderBy(x => x.Payment.PaymentId, StringComparer.Ordinal);
        foreach (var (payment, unapplied) in candidates)
        {
            var days = context.AsOf.DayNumber - payment.ReceivedOn.DayNumber;
            if (OpenInvoices(ledger, payment.PayerId) is not { Count: > 0 } open) continue;
            yield return Build(context, new FindingSubject(SubjectKind.Payment, payment.PaymentId), payment.PayerId, unapplied, days, open,
                new LocalizedText($"{payment.PaymentId} received {CollectionsText.Iso(payment.ReceivedOn)}", $"Le paiement {payment.PaymentId} reçu le {CollectionsText.Iso(payment.ReceivedOn)}"),
                new Evidence(LedgerSheets.Payments, payment.PaymentId, "unapplied", "0.00", CollectionsText.Invariant(unapplied),
                    new LocalizedText($"Amount {CollectionsText.Invariant(payment.Amount)}, applied {CollectionsText.Invariant(payment.Amount - unapplied)}.",
                        $"Montant {CollectionsText.Invariant(payment.Amount)}, appliqué {CollectionsText.Invariant(payment.Amount - unapplied)}.")));
        }
        var credits = ledger.Invoices
            .Where(i => i.Balance < 0m && i.Status != InvoiceStatus.Void
                        && (!hasPayments || (i.Origin != InvoiceOrigin.Workbook && !ledger.PaymentsOf(i.PayerId).Any())))
            .OrderBy(i => i.InvoiceId, StringComparer.Ordinal);
        foreach (var credit in credits)
        {
            var days = context.AsOf.DayNumber - credit.IssueDate.DayNumber;
            if (days <= minDays || OpenInvoices(ledger, credit.PayerId) is not { Count: > 0 } open) continue;
            yield return Build(context, new FindingSubject(SubjectKind.Invoice, credit.InvoiceId), credit.PayerId, -credit.Balance, days, open,
                new LocalizedText($"The credit balance {credit.InvoiceId} dated {CollectionsText.Iso(credit.IssueDate)}", $"Le solde créditeur {credit.InvoiceId} daté du {CollectionsText.Iso(credit.IssueDate)}"),
                new Evidence(LedgerSheets.Invoices, credit.InvoiceId, "balance", "0.00", CollectionsText.Invariant(credit.Balance),
                    new LocalizedText("A negative balance on the aging: cash not applied.", "Solde négatif au classement chronologique : encaissement non appliqué.")));
        }
    }

    private static List<Invoice> OpenInvoices(LedgerSnapshot ledger, string payerId) =>
        [.. ledger.InvoicesOfPayer(payerId).Where(i => i.Balance > 0m && i.Status != InvoiceStatus.Void).OrderBy(i => i.DueDate).ThenBy(i => i.InvoiceId, StringComparer.Ordinal)];

    private Finding Build(RuleContext context, FindingSubject subject, string payerId, decimal amount, int days, IReadOnlyList<Invoice> open,
        LocalizedText what, Evidence source)
    {
        var payer = CollectionsText.Payer(context.Ledger, payerId);
        var age = CollectionsText.Days(days);
        var owed = open.Sum(i => i.Balance);
        string M(decimal a, Language l) => CollectionsText.Money(a, l);
        return new Finding
        {
            RuleId = Id,
            RuleVersion = Version,
            Severity = Severity.Medium,
            Subject = subject,
            AmountAtRisk = amount,
            Currency = context.Ledger.Meta.Currency,
            PayerId = payerId,
            Title = new LocalizedText(
                $"Unapplied cash: {M(amount, Language.En)} from {payer} for {age.En}",
                $"Encaissement non appliqué : {M(amount, Language.Fr)} de {payer} depuis {age.Fr}"),
            Detail = new LocalizedText(
                $"{what.En} has {M(amount, Language.En)} not applied to any invoice after {age.En}, while {payer} has {open.Count} open invoice{(open.Count == 1 ? "" : "s")} totalling {M(owed, Language.En)}.",
                $"{what.Fr} a {M(amount, Language.Fr)} non appliqués depuis {age.Fr}, alors que {payer} a {open.Count} facture{(open.Count == 1 ? "" : "s")} ouverte{(open.Count == 1 ? "" : "s")} totalisant {M(owed, Language.Fr)}."),
            SuggestedAction = new LocalizedText(
                "Apply the cash to the invoices it pays, or refund it; until then the payer's aging is overstated.",
                "Appliquer l'encaissement aux factures qu'il règle, ou le rembourser; d'ici là, le classement chronologique du client est gonflé."),
            Evidence =
            [
                source,
                .. open.Take(10).Select(i => new Evidence(LedgerSheets.Invoices, i.InvoiceId, "balance", null, CollectionsText.Invariant(i.Balance),
                    new LocalizedText($"Open, due {CollectionsText.Iso(i.DueDate)}.", $"Ouverte, échéance le {CollectionsText.Iso(i.DueDate)}."))),
            ],
        };
    }
}
