namespace Allometry.Core.Rules.Collections;

using Allometry.Core.Exceptions;
using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.Localization;

/// <summary>
/// BrokenPromise (domain.md §4), Medium: the promised date has passed (as-of after it) and what
/// came in since the promise was recorded is short of the promised amount by more than
/// <see cref="RuleSettings.PromiseTolerance"/>.
/// </summary>
/// <remarks>
/// The latest promise on an invoice (or, for promises naming no invoice, on a payer) governs: a
/// fresh promise not yet due supersedes a broken one. Paid = applications to the invoice from
/// payments received from the day the promise was recorded (the invoice's issue date when that
/// is unknown) to the as-of date; for a payer-level promise, the payer's payments in that window.
/// Amount = promised − paid, capped at what is still owed (the invoice's balance; for a payer,
/// its open balance less what invoice-level findings already report). Subject: the invoice, or
/// the promise (<c>payer/yyyy-MM-dd</c>) when it names none.
/// </remarks>
public sealed class BrokenPromiseRule : IRule, IExplainsClosure
{
    public string Id => "BrokenPromise";

    public int Version => 1;

    public IReadOnlyList<string> RequiredSheets { get; } =
        [LedgerSheets.Promises, LedgerSheets.Invoices, LedgerSheets.Payments, LedgerSheets.PaymentApplications];

    /// <inheritdoc />
    public LocalizedText? ClosureReason(FindingSubject subject, RuleContext context) => CollectionsClosure.OfInvoice(subject, context);

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var ledger = context.Ledger;
        var map = LiabilityMap.Of(ledger);
        var reported = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var promise in Latest(ledger.Promises.Where(p => p.InvoiceId is not null), p => p.InvoiceId!))
        {
            if (ledger.Invoice(promise.InvoiceId) is not { } invoice || promise.PromisedOn >= context.AsOf) continue;
            var from = promise.RecordedOn ?? invoice.IssueDate;
            var applications = ledger.ApplicationsTo(invoice.InvoiceId)
                .Where(a => ledger.Payment(a.PaymentId) is { } p && p.ReceivedOn >= from && p.ReceivedOn <= context.AsOf)
                .ToList();
            var paid = applications.Sum(a => a.Amount);
            var amount = Math.Min(promise.PromisedAmount - paid, invoice.Balance);
            if (paid >= promise.PromisedAmount - context.Settings.PromiseTolerance || amount <= 0m) continue;
            reported[invoice.PayerId] = reported.GetValueOrDefault(invoice.PayerId) + amount;
            var evidence = applications.Select(a => new Evidence(LedgerSheets.PaymentApplications, $"{a.PaymentId}>{a.InvoiceId}", "amount", null,
                CollectionsText.Invariant(a.Amount))).Prepend(new Evidence(LedgerSheets.Invoices, invoice.InvoiceId, "balance", null, CollectionsText.Invariant(invoice.Balance)));
            yield return Build(context, promise, new FindingSubject(SubjectKind.Invoice, invoice.InvoiceId), invoice.ProjectId,
                map.HolderNow(invoice, context.AsOf), paid, amount, evidence);
        }
        foreach (var promise in Latest(ledger.Promises.Where(p => p.InvoiceId is null), p => p.PayerId))
        {
            if (promise.PromisedOn >= context.AsOf) continue;
            var owed = ledger.InvoicesOfPayer(promise.PayerId).Where(i => i.Balance > 0m && i.Status != InvoiceStatus.Void).ToList();
            var from = promise.RecordedOn ?? (owed.Count > 0 ? owed.Min(i => i.IssueDate) : promise.PromisedOn);
            var payments = ledger.PaymentsOf(promise.PayerId).Where(p => p.ReceivedOn >= from && p.ReceivedOn <= context.AsOf).ToList();
            var paid = payments.Sum(p => p.Amount);
            var amount = Math.Min(promise.PromisedAmount - paid, owed.Sum(i => i.Balance) - reported.GetValueOrDefault(promise.PayerId));
            if (paid >= promise.PromisedAmount - context.Settings.PromiseTolerance || amount <= 0m) continue;
            var evidence = payments.Select(p => new Evidence(LedgerSheets.Payments, p.PaymentId, "amount", null, CollectionsText.Invariant(p.Amount)));
            yield return Build(context, promise, new FindingSubject(SubjectKind.Promise, $"{promise.PayerId}/{CollectionsText.Iso(promise.PromisedOn)}"),
                null, map.OfPayer(promise.PayerId, context.AsOf).Holder, paid, amount, evidence);
        }
    }

    /// <summary>The latest promise per key: by promised date, then recorded date.</summary>
    private static IEnumerable<PaymentPromise> Latest(IEnumerable<PaymentPromise> promises, Func<PaymentPromise, string> key) =>
        promises.GroupBy(key, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(p => p.PromisedOn).ThenByDescending(p => p.RecordedOn ?? DateOnly.MinValue).First());

    private Finding Build(RuleContext context, PaymentPromise promise, FindingSubject subject, string? projectId, string holderId,
        decimal paid, decimal amount, IEnumerable<Evidence> evidence)
    {
        var payer = CollectionsText.Payer(context.Ledger, promise.PayerId);
        var what = promise.InvoiceId ?? payer;
        var on = CollectionsText.Iso(promise.PromisedOn);
        var recorded = promise.RecordedOn is { } r ? CollectionsText.Iso(r) : null;
        string M(decimal a, Language l) => CollectionsText.Money(a, l);
        return new Finding
        {
            RuleId = Id,
            RuleVersion = Version,
            Severity = Severity.Medium,
            Subject = subject,
            AmountAtRisk = amount,
            Currency = context.Ledger.Meta.Currency,
            PayerId = holderId,
            ProjectId = projectId,
            Title = new LocalizedText(
                $"Broken promise on {what}: {M(amount, Language.En)} short",
                $"Promesse non tenue — {what} : il manque {M(amount, Language.Fr)}"),
            Detail = new LocalizedText(
                $"{payer} promised{(recorded is null ? "" : $" on {recorded}")} to pay {M(promise.PromisedAmount, Language.En)} by {on}; {M(paid, Language.En)} has come in since, so {M(amount, Language.En)} is still missing.",
                $"{payer} s'est engagé{(recorded is null ? "" : $" le {recorded}")} à payer {M(promise.PromisedAmount, Language.Fr)} au plus tard le {on}; {M(paid, Language.Fr)} ont été reçus depuis, il manque donc encore {M(amount, Language.Fr)}."),
            SuggestedAction = new LocalizedText(
                "Escalate: call the payer's decision maker, set a firm date and consider holding further work or shipments.",
                "Faire remonter le dossier : appeler le décideur chez le client, fixer une date ferme et envisager de suspendre travaux et livraisons."),
            Evidence =
            [
                new(LedgerSheets.Promises, $"{promise.PayerId}/{promise.InvoiceId}/{on}", "promised_amount",
                    CollectionsText.Invariant(promise.PromisedAmount), CollectionsText.Invariant(paid),
                    new LocalizedText("Promised (expected) against received since the promise (actual).", "Montant promis (attendu) et montant reçu depuis la promesse (constaté).")),
                .. evidence,
            ],
        };
    }
}
