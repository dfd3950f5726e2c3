namespace Allometry.Core.Sample;

using Allometry.Core.Ledger;

/// <summary>Lookups over a finished sample, for computing planted amounts from the final rows.</summary>
internal sealed class LedgerIndex
{
    private readonly Dictionary<string, Invoice> _invoices;
    private readonly ILookup<string, PaymentApplication> _byInvoice;
    private readonly ILookup<string, PaymentApplication> _byPayment;

    public LedgerIndex(SampleLedger ledger)
    {
        Ledger = ledger;
        _invoices = ledger.Invoices.ToDictionary(i => i.InvoiceId, StringComparer.Ordinal);
        _byInvoice = ledger.PaymentApplications.ToLookup(a => a.InvoiceId, StringComparer.Ordinal);
        _byPayment = ledger.PaymentApplications.ToLookup(a => a.PaymentId, StringComparer.Ordinal);
    }

    public SampleLedger Ledger { get; }

    public Invoice Invoice(string invoiceId) => _invoices[invoiceId];

    public IEnumerable<Invoice> InvoicesOf(string projectId) => Ledger.Invoices.Where(i => i.ProjectId == projectId);

    /// <summary>Sum of applications to an invoice, optionally only from payments received in [from, to].</summary>
    public decimal AppliedTo(string invoiceId, DateOnly? from = null, DateOnly? to = null) =>
        _byInvoice[invoiceId]
            .Where(a =>
            {
                var on = Payment(a.PaymentId).ReceivedOn;
                return (from is null || on >= from) && (to is null || on <= to);
            })
            .Sum(a => a.Amount);

    public decimal AppliedFrom(string paymentId) => _byPayment[paymentId].Sum(a => a.Amount);

    public Payment Payment(string paymentId) => Ledger.Payments.Single(p => p.PaymentId == paymentId);

    public Project Project(string projectId) => Ledger.Projects.Single(p => p.ProjectId == projectId);

    public Quote AcceptedQuote(string projectId) =>
        Ledger.Quotes.Single(q => q.ProjectId == projectId && q.Status == QuoteStatus.Accepted);

    public IEnumerable<RetainageHold> Holds(string projectId) => Ledger.Retainage.Where(h => h.ProjectId == projectId);

    public ServiceContract Contract(string contractId) => Ledger.ServiceContracts.Single(c => c.ContractId == contractId);

    /// <summary>Open AR of a payer: the sum of its invoices' balances (credit notes count negative).</summary>
    public decimal OpenBalance(string payerId) => Ledger.Invoices.Where(i => i.PayerId == payerId).Sum(i => i.Balance);

    /// <summary>
    /// The payers connected to <paramref name="payerId"/> by parent, affiliate or successor links
    /// (a handoff moves liability for a project; it does not make one credit group).
    /// </summary>
    public IReadOnlySet<string> GroupOf(string payerId)
    {
        var group = new HashSet<string>(StringComparer.Ordinal) { payerId };
        var grouping = Ledger.EntityLinks.Where(l => l.Kind != EntityLinkKind.Handoff).ToList();
        var grew = true;
        while (grew)
        {
            grew = false;
            foreach (var link in grouping)
            {
                if (group.Contains(link.FromPayerId) != group.Contains(link.ToPayerId))
                {
                    group.Add(link.FromPayerId);
                    group.Add(link.ToPayerId);
                    grew = true;
                }
            }
        }
        return group;
    }
}
