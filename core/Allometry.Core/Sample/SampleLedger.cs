namespace Allometry.Core.Sample;

using Allometry.Core.Imports;
using Allometry.Core.Ledger;

/// <summary>
/// A generated ledger held entirely in memory: every sheet of the import contract as a list, in
/// a stable order, plus the exceptions planted in it. Produced by <see cref="SampleOperatorGenerator"/>.
/// </summary>
/// <remarks>
/// Retainage is billed net: a progress or final invoice's <see cref="Invoice.Subtotal"/> is the
/// work billed minus the retainage held (<see cref="Invoice.RetainageHeld"/>, before tax), and a
/// <c>retainage_release</c> invoice later bills the held amount with its own tax. So, per
/// project, invoiced subtotals + unreleased holds = the accepted quote. One planted project
/// (RetainageAgedMisclassified) bills gross and leaves the holdback in the invoice balance.
/// </remarks>
public sealed class SampleLedger
{
    public required int Seed { get; init; }
    public required LedgerMeta Meta { get; init; }
    public required IReadOnlyList<Payer> Payers { get; init; }
    public required IReadOnlyList<EntityLink> EntityLinks { get; init; }
    public required IReadOnlyList<Project> Projects { get; init; }
    public required IReadOnlyList<Delivery> Deliveries { get; init; }
    public required IReadOnlyList<Quote> Quotes { get; init; }
    public required IReadOnlyList<Invoice> Invoices { get; init; }
    public required IReadOnlyList<Payment> Payments { get; init; }
    public required IReadOnlyList<PaymentApplication> PaymentApplications { get; init; }
    public required IReadOnlyList<RetainageHold> Retainage { get; init; }
    public required IReadOnlyList<ServiceContract> ServiceContracts { get; init; }
    public required IReadOnlyList<PaymentPromise> Promises { get; init; }
    public required IReadOnlyList<BankTransaction> BankTransactions { get; init; }

    /// <summary>The exceptions a correct engine must find, at least one per rule of domain.md §4.</summary>
    public required IReadOnlyList<PlantedCase> PlantedCases { get; init; }

    /// <summary>
    /// The credit limit of each linked group, by its root payer id: the root's own credit limit
    /// (members carry none). What a tenant would configure as group limits for this operator.
    /// </summary>
    public IReadOnlyDictionary<string, decimal> GroupCreditLimits =>
        EntityLinks.Where(l => l.Kind == EntityLinkKind.Parent)
            .Select(l => l.FromPayerId)
            .Distinct(StringComparer.Ordinal)
            .Select(id => Payers.Single(p => p.PayerId == id))
            .Where(p => p.CreditLimit is not null)
            .ToDictionary(p => p.PayerId, p => p.CreditLimit!.Value, StringComparer.Ordinal);

    /// <summary>The ledger as an import batch with every sheet present; records carry <see cref="RowRef.None"/>.</summary>
    public LedgerBatch ToBatch() => new()
    {
        Meta = Meta,
        PresentSheets = new HashSet<string>(LedgerSheets.All, StringComparer.Ordinal),
        Payers = Payers,
        EntityLinks = EntityLinks,
        Projects = Projects,
        Deliveries = Deliveries,
        Quotes = Quotes,
        Invoices = Invoices,
        Payments = Payments,
        PaymentApplications = PaymentApplications,
        Retainage = Retainage,
        ServiceContracts = ServiceContracts,
        Promises = Promises,
        BankTransactions = BankTransactions,
    };

    internal SampleLedger WithCases(IReadOnlyList<PlantedCase> cases) => new()
    {
        Seed = Seed,
        Meta = Meta,
        Payers = Payers,
        EntityLinks = EntityLinks,
        Projects = Projects,
        Deliveries = Deliveries,
        Quotes = Quotes,
        Invoices = Invoices,
        Payments = Payments,
        PaymentApplications = PaymentApplications,
        Retainage = Retainage,
        ServiceContracts = ServiceContracts,
        Promises = Promises,
        BankTransactions = BankTransactions,
        PlantedCases = cases,
    };
}
