namespace Allometry.Core.Ledger;

using Allometry.Core.Imports;

/// <summary>
/// A tenant's whole ledger in memory, with the lookups rules need (by id, by project, by payer,
/// applications both ways, links both ways). Built once per evaluation; read-only after.
/// </summary>
public sealed class LedgerSnapshot
{
    private readonly Dictionary<string, Payer> _payers;
    private readonly Dictionary<string, Project> _projects;
    private readonly Dictionary<string, Invoice> _invoices;
    private readonly Dictionary<string, Payment> _payments;
    private readonly ILookup<string, Invoice> _invoicesByProject;
    private readonly ILookup<string, Invoice> _invoicesByPayer;
    private readonly ILookup<string, PaymentApplication> _applicationsByInvoice;
    private readonly ILookup<string, PaymentApplication> _applicationsByPayment;
    private readonly ILookup<string, Payment> _paymentsByPayer;
    private readonly ILookup<string, RetainageHold> _holdsByProject;
    private readonly ILookup<string, Delivery> _deliveriesByProject;
    private readonly ILookup<string, Quote> _quotesByProject;
    private readonly ILookup<string, PaymentPromise> _promisesByPayer;
    private readonly ILookup<string, EntityLink> _linksByPayer;

    public LedgerSnapshot(
        LedgerMeta meta,
        IReadOnlySet<string> presentSheets,
        IReadOnlyList<Payer> payers,
        IReadOnlyList<EntityLink> entityLinks,
        IReadOnlyList<Project> projects,
        IReadOnlyList<Delivery> deliveries,
        IReadOnlyList<Quote> quotes,
        IReadOnlyList<Invoice> invoices,
        IReadOnlyList<Payment> payments,
        IReadOnlyList<PaymentApplication> paymentApplications,
        IReadOnlyList<RetainageHold> retainage,
        IReadOnlyList<ServiceContract> serviceContracts,
        IReadOnlyList<PaymentPromise> promises,
        IReadOnlyList<BankTransaction> bankTransactions)
    {
        Meta = meta;
        PresentSheets = presentSheets;
        Payers = payers;
        EntityLinks = entityLinks;
        Projects = projects;
        Deliveries = deliveries;
        Quotes = quotes;
        Invoices = invoices;
        Payments = payments;
        PaymentApplications = paymentApplications;
        Retainage = retainage;
        ServiceContracts = serviceContracts;
        Promises = promises;
        BankTransactions = bankTransactions;

        _payers = payers.ToDictionary(p => p.PayerId, StringComparer.Ordinal);
        _projects = projects.ToDictionary(p => p.ProjectId, StringComparer.Ordinal);
        _invoices = invoices.ToDictionary(i => i.InvoiceId, StringComparer.Ordinal);
        _payments = payments.ToDictionary(p => p.PaymentId, StringComparer.Ordinal);
        _invoicesByProject = invoices.Where(i => i.ProjectId is not null).ToLookup(i => i.ProjectId!, StringComparer.Ordinal);
        _invoicesByPayer = invoices.ToLookup(i => i.PayerId, StringComparer.Ordinal);
        _applicationsByInvoice = paymentApplications.ToLookup(a => a.InvoiceId, StringComparer.Ordinal);
        _applicationsByPayment = paymentApplications.ToLookup(a => a.PaymentId, StringComparer.Ordinal);
        _paymentsByPayer = payments.ToLookup(p => p.PayerId, StringComparer.Ordinal);
        _holdsByProject = retainage.ToLookup(h => h.ProjectId, StringComparer.Ordinal);
        _deliveriesByProject = deliveries.ToLookup(d => d.ProjectId, StringComparer.Ordinal);
        _quotesByProject = quotes.ToLookup(q => q.ProjectId, StringComparer.Ordinal);
        _promisesByPayer = promises.ToLookup(p => p.PayerId, StringComparer.Ordinal);
        _linksByPayer = entityLinks
            .SelectMany(l => new[] { (Key: l.FromPayerId, Link: l), (Key: l.ToPayerId, Link: l) })
            .ToLookup(x => x.Key, x => x.Link, StringComparer.Ordinal);
    }

    public LedgerMeta Meta { get; }
    /// <summary>The sheets the data came with; rules needing others cannot run.</summary>
    public IReadOnlySet<string> PresentSheets { get; }
    public IReadOnlyList<Payer> Payers { get; }
    public IReadOnlyList<EntityLink> EntityLinks { get; }
    public IReadOnlyList<Project> Projects { get; }
    public IReadOnlyList<Delivery> Deliveries { get; }
    public IReadOnlyList<Quote> Quotes { get; }
    public IReadOnlyList<Invoice> Invoices { get; }
    public IReadOnlyList<Payment> Payments { get; }
    public IReadOnlyList<PaymentApplication> PaymentApplications { get; }
    public IReadOnlyList<RetainageHold> Retainage { get; }
    public IReadOnlyList<ServiceContract> ServiceContracts { get; }
    public IReadOnlyList<PaymentPromise> Promises { get; }
    public IReadOnlyList<BankTransaction> BankTransactions { get; }

    /// <summary>Materializes a batch built in memory (sample, tests). Files are imported through the store instead.</summary>
    public static LedgerSnapshot From(LedgerBatch batch) => new(
        batch.Meta, batch.PresentSheets, [.. batch.Payers], [.. batch.EntityLinks], [.. batch.Projects],
        [.. batch.Deliveries], [.. batch.Quotes], [.. batch.Invoices], [.. batch.Payments],
        [.. batch.PaymentApplications], [.. batch.Retainage], [.. batch.ServiceContracts],
        [.. batch.Promises], [.. batch.BankTransactions]);

    public bool Has(string sheet) => PresentSheets.Contains(sheet);

    public Payer? Payer(string? id) => id is not null && _payers.TryGetValue(id, out var p) ? p : null;
    public Project? Project(string? id) => id is not null && _projects.TryGetValue(id, out var p) ? p : null;
    public Invoice? Invoice(string? id) => id is not null && _invoices.TryGetValue(id, out var i) ? i : null;
    public Payment? Payment(string? id) => id is not null && _payments.TryGetValue(id, out var p) ? p : null;

    public IEnumerable<Invoice> InvoicesOfProject(string projectId) => _invoicesByProject[projectId];
    public IEnumerable<Invoice> InvoicesOfPayer(string payerId) => _invoicesByPayer[payerId];
    public IEnumerable<PaymentApplication> ApplicationsTo(string invoiceId) => _applicationsByInvoice[invoiceId];
    public IEnumerable<PaymentApplication> ApplicationsOf(string paymentId) => _applicationsByPayment[paymentId];
    public IEnumerable<Payment> PaymentsOf(string payerId) => _paymentsByPayer[payerId];
    public IEnumerable<RetainageHold> HoldsOf(string projectId) => _holdsByProject[projectId];
    public IEnumerable<Delivery> DeliveriesOf(string projectId) => _deliveriesByProject[projectId];
    public IEnumerable<Quote> QuotesOf(string projectId) => _quotesByProject[projectId];
    public IEnumerable<PaymentPromise> PromisesOf(string payerId) => _promisesByPayer[payerId];
    /// <summary>Links where the payer is either end.</summary>
    public IEnumerable<EntityLink> LinksOf(string payerId) => _linksByPayer[payerId];

    /// <summary>What is left of a payment after its applications.</summary>
    public decimal UnappliedAmount(Payment payment) => payment.Amount - ApplicationsOf(payment.PaymentId).Sum(a => a.Amount);
}
