namespace Allometry.Core.Rules.Deposits;

using Allometry.Core.Imports;
using Allometry.Core.Ledger;

/// <summary>
/// RenewalPrebillDue: an annual service contract renews soon, or has lapsed while the service
/// goes on, and the coming term is not invoiced.
/// </summary>
/// <remarks>
/// The coming term counts as invoiced when an invoice that is not void was issued on or after
/// <see cref="TermBillingOpens"/> months before the renewal date: the contract's
/// last_renewal_invoice_id, or a service invoice of the contract's project to the contract's
/// payer. An earlier invoice bills the current term (last year's renewal, even if sent late).
/// Severity by days to the renewal date: 31–60 Medium, 0–30 High (renewal today is still High),
/// past it Critical while the service is active — service_active missing counts as active, a
/// contract on the sheet being in force unless marked otherwise; an inactive lapsed contract is
/// over and raises nothing. Amount = the annual fee, before tax.
/// </remarks>
public sealed class RenewalPrebillDueRule : IRule
{
    /// <summary>An invoice issued within this many months before the renewal bills the coming term.</summary>
    public const int TermBillingOpens = 6;

    public string Id => "RenewalPrebillDue";

    public int Version => 1;

    /// <summary>Projects are not read: a contract's project only widens the search for its renewal invoice.</summary>
    public IReadOnlyList<string> RequiredSheets { get; } = [LedgerSheets.ServiceContracts, LedgerSheets.Invoices];

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var ledger = context.Ledger;
        var s = context.Settings;
        foreach (var contract in ledger.ServiceContracts)
        {
            var days = contract.RenewalDate.DayNumber - context.AsOf.DayNumber;
            var active = contract.ServiceActive ?? true;
            Severity? severity = days switch
            {
                < 0 when active => Severity.Critical,
                < 0 => null,
                _ when days <= s.RenewalUrgentDays => Severity.High,
                _ when days <= s.RenewalNoticeDays => Severity.Medium,
                _ => null,
            };
            if (severity is not { } level) continue;
            var opens = contract.RenewalDate.AddMonths(-TermBillingOpens);
            var candidates = Candidates(ledger, contract).ToList();
            if (candidates.Any(i => i.IssueDate >= opens)) continue;
            var last = candidates.OrderByDescending(i => i.IssueDate).FirstOrDefault();
            yield return RenewalPrebillFinding.Build(this, context, contract, level, days, opens, last);
        }
    }

    private static IEnumerable<Invoice> Candidates(LedgerSnapshot ledger, ServiceContract contract)
    {
        var named = ledger.Invoice(contract.LastRenewalInvoiceId);
        var ofProject = contract.ProjectId is { } projectId
            ? ledger.InvoicesOfProject(projectId).Where(i => i.Kind == InvoiceKind.Service && i.PayerId == contract.PayerId)
            : [];
        return (named is null ? ofProject : ofProject.Append(named)).Where(QuoteTerms.Counts).Distinct();
    }
}
