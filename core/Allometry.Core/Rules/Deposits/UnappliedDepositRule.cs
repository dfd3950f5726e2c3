namespace Allometry.Core.Rules.Deposits;

using Allometry.Core.Imports;
using Allometry.Core.Ledger;

/// <summary>
/// UnappliedDeposit: a project's credit sits unused while the same payer owes on the same
/// project's invoices.
/// </summary>
/// <remarks>
/// A credit is a credit note of the project (negative balance: what is left of it) or, when the
/// payments sheets are present, a payment's unapplied rest when the payment belongs to one project
/// (all its applications go to that project's invoices or, unapplied, its reference names only
/// invoices of that project). It counts against the payer's open invoices of the project once both
/// have coexisted for more than <see cref="RuleSettings.UnappliedDepositDays"/> days:
/// as-of − max(credit date, invoice issue date) &gt; N. Amount = what the credit could settle:
/// min(credit, those invoices' open balances), credits taken oldest first so two credits never
/// claim the same balance. Credits below <see cref="RuleSettings.DepositTolerance"/> are rounding.
/// </remarks>
public sealed class UnappliedDepositRule : IRule
{
    public string Id => "UnappliedDeposit";

    public int Version => 1;

    /// <summary>Credit notes need only invoices; payments and their applications are read when present.</summary>
    public IReadOnlyList<string> RequiredSheets { get; } = [LedgerSheets.Invoices];

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var ledger = context.Ledger;
        var credits = ledger.Invoices
            .Where(i => i.ProjectId is not null && QuoteTerms.Counts(i) && i.Balance < 0m)
            .Select(i => new UnusedCredit(SubjectKind.Invoice, i.InvoiceId, i.PayerId, i.ProjectId!, i.IssueDate, -i.Balance))
            .Concat(PaymentCredits(ledger))
            .Where(c => c.Amount >= context.Settings.DepositTolerance);
        foreach (var group in credits.GroupBy(c => (c.ProjectId, c.PayerId)))
        {
            var open = ledger.InvoicesOfProject(group.Key.ProjectId)
                .Where(i => i.PayerId == group.Key.PayerId && QuoteTerms.Counts(i) && i.Balance > 0m)
                .OrderBy(i => i.IssueDate).ThenBy(i => i.InvoiceId, StringComparer.Ordinal)
                .ToList();
            var left = open.ToDictionary(i => i.InvoiceId, i => i.Balance, StringComparer.Ordinal);
            foreach (var credit in group.OrderBy(c => c.Date).ThenBy(c => c.Id, StringComparer.Ordinal))
            {
                var claimed = new List<(Invoice Invoice, decimal Amount)>();
                var rest = credit.Amount;
                foreach (var invoice in open.Where(i => Overlap(credit, i, context.AsOf) > context.Settings.UnappliedDepositDays))
                {
                    var take = Math.Min(rest, left[invoice.InvoiceId]);
                    if (take <= 0m) continue;
                    left[invoice.InvoiceId] -= take;
                    rest -= take;
                    claimed.Add((invoice, take));
                }
                if (claimed.Count > 0)
                {
                    yield return UnappliedDepositFinding.Build(this, context, credit, claimed);
                }
            }
        }
    }

    /// <summary>Days the credit and the invoice have both been there.</summary>
    private static int Overlap(UnusedCredit credit, Invoice invoice, DateOnly asOf) =>
        asOf.DayNumber - Math.Max(credit.Date.DayNumber, invoice.IssueDate.DayNumber);

    private static IEnumerable<UnusedCredit> PaymentCredits(LedgerSnapshot ledger)
    {
        if (!ledger.Has(LedgerSheets.Payments) || !ledger.Has(LedgerSheets.PaymentApplications)) yield break;
        foreach (var payment in ledger.Payments)
        {
            var unapplied = ledger.UnappliedAmount(payment);
            if (unapplied <= 0m) continue;
            var applications = ledger.ApplicationsOf(payment.PaymentId).ToList();
            var invoices = applications.Count > 0
                ? applications.Select(a => ledger.Invoice(a.InvoiceId))
                : References(payment).Select(ledger.Invoice).Where(i => i?.PayerId == payment.PayerId);
            var projects = invoices.Select(i => i?.ProjectId).Distinct(StringComparer.Ordinal).ToList();
            if (projects is [{ } projectId])
            {
                yield return new UnusedCredit(SubjectKind.Payment, payment.PaymentId, payment.PayerId, projectId, payment.ReceivedOn, unapplied);
            }
        }
    }

    private static IEnumerable<string> References(Payment payment) =>
        (payment.Reference ?? "").Split([' ', ',', ';', '/', ':', '#', '(', ')', '\t'], StringSplitOptions.RemoveEmptyEntries);
}

