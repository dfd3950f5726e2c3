namespace Allometry.Core.Sample;

using Allometry.Core.Ledger;

/// <summary>
/// The rows of a sample while it is being generated. Invoices are kept with their applied
/// amount so that a balance is always total − applications; payments refuse to over-apply.
/// </summary>
internal sealed partial class SampleDraft
{
    private static readonly string[] Methods = ["EFT", "EFT", "wire", "cheque", "Interac"];

    private readonly Dictionary<string, decimal> _applied = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Payer> _payers = new(StringComparer.Ordinal);
    private readonly List<Payer> _payerList = [];
    private readonly List<Invoice> _invoices = [];
    private readonly List<RetainageHold> _holds = [];
    private int _project = 1000;
    private int _quote = 1000;
    private int _invoice = 10000;
    private int _payment = 50000;
    private int _contract = 100;

    public SampleDraft(int seed, DateOnly asOf, LedgerMeta meta)
    {
        Rng = new Random(seed);
        AsOf = asOf;
        Meta = meta;
    }

    public Random Rng { get; }
    public DateOnly AsOf { get; }
    public LedgerMeta Meta { get; }
    public List<EntityLink> EntityLinks { get; } = [];
    public List<Project> Projects { get; } = [];
    public List<Delivery> Deliveries { get; } = [];
    public List<Quote> Quotes { get; } = [];
    public List<Payment> Payments { get; } = [];
    public List<PaymentApplication> Applications { get; } = [];
    public List<ServiceContract> Contracts { get; } = [];
    public List<PaymentPromise> Promises { get; } = [];

    public int Between(int min, int maxInclusive) => Rng.Next(min, maxInclusive + 1);

    public bool Chance(int percent) => Rng.Next(100) < percent;

    public T Pick<T>(IReadOnlyList<T> items) => items[Rng.Next(items.Count)];

    /// <summary>A random amount between two whole-dollar bounds, with cents.</summary>
    public decimal Dollars(int min, int max) => SampleTax.Round(Rng.Next(min * 100, (max * 100) + 1) / 100m);

    /// <summary>The as-of date shifted by <paramref name="offset"/> days (negative = past).</summary>
    public DateOnly Day(int offset) => AsOf.AddDays(offset);

    public Payer Payer(string payerId) => _payers[payerId];

    public IReadOnlyList<Payer> PayerList => _payerList;

    public void AddPayer(Payer payer)
    {
        _payers.Add(payer.PayerId, payer);
        _payerList.Add(payer);
    }

    public string NewProjectId() => $"PRJ-{++_project}";

    public string NewContractId() => $"SC-{++_contract}";

    public Quote AddQuote(Project project, DateOnly quoteDate, DateOnly? acceptedOn, decimal totalExTax, decimal? depositPct, QuoteStatus status)
    {
        var quote = new Quote
        {
            QuoteId = $"Q-{++_quote}",
            ProjectId = project.ProjectId,
            PayerId = project.ContractPayerId,
            QuoteDate = quoteDate,
            AcceptedOn = acceptedOn,
            TotalExTax = totalExTax,
            DepositPct = depositPct,
            Status = status,
        };
        Quotes.Add(quote);
        return quote;
    }

    public void AddDelivery(Project project, string milestone, DateOnly scheduledOn, DateOnly? deliveredOn, DeliveryStatus status) =>
        Deliveries.Add(new Delivery
        {
            ProjectId = project.ProjectId,
            Milestone = milestone,
            ScheduledOn = scheduledOn,
            DeliveredOn = deliveredOn,
            Status = status,
        });

    /// <summary>
    /// Bills a project with the tax its place of supply calls for, and pays it in full on
    /// <paramref name="payOn"/> when that day is before the as-of date.
    /// </summary>
    public Invoice Bill(Project project, InvoiceKind kind, DateOnly issue, int terms, decimal subtotal,
        DateOnly? payOn = null, decimal retainageHeld = 0m, string? payerId = null)
    {
        var payer = Payer(payerId ?? project.CurrentPayerId ?? project.ContractPayerId);
        var due = issue.AddDays(terms);
        DateOnly? paid = payOn is { } on && on < AsOf ? on : null;
        var place = SampleTax.PlaceOfSupply(project.SupplyType, project.SiteProvince, payer.Province);
        var taxes = SampleTax.Compute(place, SampleTax.TaxDate(due, paid), subtotal, Meta.SellerPstRegistrations);
        var invoice = AddInvoice(payer.PayerId, project.ProjectId, kind, issue, due, subtotal, taxes, place, SampleRegistration.Printed, retainageHeld);
        if (paid is { } day)
        {
            PayInFull(invoice, day);
        }
        return invoice;
    }

    /// <summary>Adds an invoice exactly as given (planted cases print wrong taxes this way).</summary>
    public Invoice AddInvoice(string payerId, string? projectId, InvoiceKind kind, DateOnly issue, DateOnly due,
        decimal subtotal, TaxComponents taxes, Province? taxProvince, string? registration, decimal retainageHeld = 0m)
    {
        var invoice = new Invoice
        {
            InvoiceId = $"INV-{++_invoice}",
            PayerId = Payer(payerId).PayerId,
            ProjectId = projectId,
            Kind = kind,
            IssueDate = issue,
            DueDate = due,
            // "+ 0.00m" gives every amount two decimals, as the files spell them ("0.00").
            Subtotal = subtotal + 0.00m,
            Gst = taxes.Gst + 0.00m,
            Hst = taxes.Hst + 0.00m,
            Qst = taxes.Qst + 0.00m,
            Pst = taxes.Pst + 0.00m,
            Total = subtotal + taxes.Total + 0.00m,
            Balance = subtotal + taxes.Total + 0.00m,
            RetainageHeld = retainageHeld + 0.00m,
            TaxProvince = taxProvince,
            RegistrationNumbers = registration,
        };
        _invoices.Add(invoice);
        _applied.Add(invoice.InvoiceId, 0m);
        return invoice;
    }

    /// <summary>Invoices with money still owed, in the order they were issued by the generator.</summary>
    public IEnumerable<Invoice> OpenInvoices() => _invoices.Where(i => Outstanding(i) > 0m);

    public decimal Outstanding(Invoice invoice) => invoice.Total - _applied[invoice.InvoiceId];

    public Payment PayInFull(Invoice invoice, DateOnly on) =>
        Receive(invoice.PayerId, on, Outstanding(invoice), null, (invoice, Outstanding(invoice)));

    /// <summary>Records a payment and its applications; unapplied rest stays visible as cash.</summary>
    public Payment Receive(string payerId, DateOnly on, decimal amount, string? reference, params (Invoice Invoice, decimal Amount)[] applications)
    {
        if (on >= AsOf) throw new InvalidOperationException($"Payment on {on} is not before the as-of date {AsOf}.");
        var payment = new Payment
        {
            PaymentId = $"PMT-{++_payment}",
            PayerId = Payer(payerId).PayerId,
            ReceivedOn = on,
            Amount = amount,
            Reference = reference ?? string.Join(' ', applications.Select(a => a.Invoice.InvoiceId)),
            Method = Pick(Methods),
        };
        var applied = 0m;
        foreach (var (invoice, part) in applications)
        {
            if (part <= 0m || part > Outstanding(invoice) || invoice.PayerId != payerId)
            {
                throw new InvalidOperationException($"Cannot apply {part} of {payment.PaymentId} to {invoice.InvoiceId}.");
            }
            _applied[invoice.InvoiceId] += part;
            applied += part;
            Applications.Add(new PaymentApplication { PaymentId = payment.PaymentId, InvoiceId = invoice.InvoiceId, Amount = part });
        }
        if (applied > amount) throw new InvalidOperationException($"{payment.PaymentId} applies more than it brings.");
        Payments.Add(payment);
        return payment;
    }
}
