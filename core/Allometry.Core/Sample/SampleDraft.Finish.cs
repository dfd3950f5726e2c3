namespace Allometry.Core.Sample;

using Allometry.Core.Ledger;
using Allometry.Core.Rules;

internal sealed partial class SampleDraft
{
    private readonly List<Func<LedgerIndex, PlantedCase>> _cases = [];

    /// <summary>
    /// Registers a planted case. Its amount is computed only once every row is final, from the
    /// rows themselves, so later payments or holds on the same project cannot make it stale.
    /// </summary>
    public void Plant(string ruleId, Severity severity, SubjectKind kind, string subjectId, string description,
        IReadOnlyList<string> evidence, Func<LedgerIndex, decimal> amount, params string[] alsoMayTrigger) =>
        _cases.Add(index => new PlantedCase
        {
            RuleId = ruleId,
            SubjectKind = kind,
            SubjectId = subjectId,
            Severity = severity,
            AmountAtRisk = Cents(ruleId, subjectId, amount(index)),
            Description = description,
            Evidence = evidence,
            AlsoMayTrigger = alsoMayTrigger,
        });

    public SampleLedger Finish(int seed)
    {
        var invoices = _invoices
            .Select(i =>
            {
                var balance = Outstanding(i);
                return i with { Balance = balance, Status = balance == 0m ? InvoiceStatus.Paid : InvoiceStatus.Open };
            })
            .ToList();
        var ledger = new SampleLedger
        {
            Seed = seed,
            Meta = Meta,
            Payers = [.. _payerList],
            EntityLinks = [.. EntityLinks],
            Projects = [.. Projects],
            Deliveries = [.. Deliveries],
            Quotes = [.. Quotes],
            Invoices = invoices,
            Payments = [.. Payments],
            PaymentApplications = [.. Applications],
            Retainage = [.. _holds],
            ServiceContracts = [.. Contracts],
            Promises = [.. Promises],
            BankTransactions = SampleBank.Statement(this),
            PlantedCases = [],
        };
        var index = new LedgerIndex(ledger);
        return ledger.WithCases([.. _cases.Select(build => build(index))]);
    }

    // A planted amount is computed from cent amounts, so it must come out in cents: rounding here
    // would hide a wrong formula instead of exposing it.
    private static decimal Cents(string ruleId, string subjectId, decimal amount) =>
        amount > 0m && decimal.Round(amount, 2) == amount
            ? amount + 0.00m
            : throw new InvalidOperationException($"Planted {ruleId} on {subjectId} has {amount} at risk: not a positive amount in cents.");
}
