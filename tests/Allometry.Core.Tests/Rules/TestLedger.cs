namespace Allometry.Core.Tests.Rules;

using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.Rules;

/// <summary>
/// A small ledger built in a test, with sensible defaults so each test states only what matters:
/// <c>new TestLedger().Payer("P1").Project("PRJ", "P1", Province.QC).Invoice("F1", "P1", "PRJ", subtotal: 1000m)</c>.
/// Invoices default to clean QC/ON tax for their project's province unless components are given.
/// </summary>
internal sealed class TestLedger
{
    public static readonly DateOnly AsOf = new(2026, 11, 20);

    public List<Payer> Payers { get; } = [];
    public List<EntityLink> Links { get; } = [];
    public List<Project> Projects { get; } = [];
    public List<Delivery> Deliveries { get; } = [];
    public List<Quote> Quotes { get; } = [];
    public List<Invoice> Invoices { get; } = [];
    public List<Payment> Payments { get; } = [];
    public List<PaymentApplication> Applications { get; } = [];
    public List<RetainageHold> Holds { get; } = [];
    public List<ServiceContract> Contracts { get; } = [];
    public List<PaymentPromise> Promises { get; } = [];
    public LedgerMeta Meta { get; set; } = new() { AsOf = AsOf, SellerProvince = Province.QC, SellerGstHstNumber = "123456782RT0001", SellerQstNumber = "1234567890TQ0001" };

    public TestLedger Payer(string id, Province? province = Province.QC, decimal? creditLimit = null, string? name = null) =>
        Add(Payers, new Payer { PayerId = id, Name = name ?? $"Payer {id}", Province = province, CreditLimit = creditLimit });

    public TestLedger Link(string from, string to, EntityLinkKind kind, DateOnly? effective = null) =>
        Add(Links, new EntityLink { FromPayerId = from, ToPayerId = to, Kind = kind, EffectiveDate = effective });

    public TestLedger Project(string id, string payerId, Province site, Func<Project, Project>? with = null) =>
        Add(Projects, (with ?? (p => p))(new Project { ProjectId = id, Name = $"Project {id}", SiteProvince = site, ContractPayerId = payerId }));

    public TestLedger Delivery(string projectId, DateOnly scheduled, DeliveryStatus status = DeliveryStatus.Pending, DateOnly? delivered = null) =>
        Add(Deliveries, new Delivery { ProjectId = projectId, Milestone = $"M{Deliveries.Count + 1}", ScheduledOn = scheduled, Status = status, DeliveredOn = delivered });

    public TestLedger Quote(string id, string projectId, decimal totalExTax, DateOnly? acceptedOn = null, decimal? depositPct = null, QuoteStatus status = QuoteStatus.Accepted) =>
        Add(Quotes, new Quote { QuoteId = id, ProjectId = projectId, TotalExTax = totalExTax, AcceptedOn = acceptedOn, DepositPct = depositPct, Status = status });

    /// <summary>Adds an invoice; <paramref name="with"/> adjusts any field after the defaults are set.</summary>
    public TestLedger Invoice(string id, string payerId, string? projectId, decimal subtotal, InvoiceKind kind = InvoiceKind.Progress,
        DateOnly? issued = null, DateOnly? due = null, decimal? balance = null, Func<Invoice, Invoice>? with = null)
    {
        var issue = issued ?? AsOf.AddDays(-10);
        var province = Projects.FirstOrDefault(p => p.ProjectId == projectId)?.SiteProvince ?? Province.QC;
        var (gst, hst, qst) = province switch
        {
            Province.QC => (R(subtotal * 0.05m), 0m, R(subtotal * 0.09975m)),
            Province.ON => (0m, R(subtotal * 0.13m), 0m),
            Province.NS => (0m, R(subtotal * 0.14m), 0m),
            _ => (R(subtotal * 0.05m), 0m, 0m),
        };
        var total = subtotal + gst + hst + qst;
        var invoice = new Invoice
        {
            InvoiceId = id, PayerId = payerId, ProjectId = projectId, Kind = kind, IssueDate = issue, DueDate = due ?? issue.AddDays(30),
            Subtotal = subtotal, Gst = gst, Hst = hst, Qst = qst, Total = total, Balance = balance ?? total, TaxProvince = province,
            RegistrationNumbers = "123456782RT0001 1234567890TQ0001",
        };
        return Add(Invoices, (with ?? (i => i))(invoice));
    }

    public TestLedger Payment(string id, string payerId, decimal amount, DateOnly received, params (string InvoiceId, decimal Amount)[] applications)
    {
        Payments.Add(new Payment { PaymentId = id, PayerId = payerId, Amount = amount, ReceivedOn = received });
        foreach (var (invoiceId, applied) in applications)
        {
            Applications.Add(new PaymentApplication { PaymentId = id, InvoiceId = invoiceId, Amount = applied });
        }
        return this;
    }

    public TestLedger Hold(string projectId, string? invoiceId, decimal held, Func<RetainageHold, RetainageHold>? with = null) =>
        Add(Holds, (with ?? (h => h))(new RetainageHold { ProjectId = projectId, InvoiceId = invoiceId, HeldAmount = held }));

    public TestLedger Contract(string id, string payerId, decimal fee, DateOnly renewal, bool active = true, string? lastRenewalInvoice = null) =>
        Add(Contracts, new ServiceContract { ContractId = id, PayerId = payerId, AnnualFee = fee, RenewalDate = renewal, ServiceActive = active, LastRenewalInvoiceId = lastRenewalInvoice });

    public TestLedger Promise(string payerId, string? invoiceId, DateOnly on, decimal amount) =>
        Add(Promises, new PaymentPromise { PayerId = payerId, InvoiceId = invoiceId, PromisedOn = on, PromisedAmount = amount });

    /// <summary>The snapshot; every sheet counts as present unless <paramref name="sheets"/> says otherwise.</summary>
    public LedgerSnapshot Snapshot(IEnumerable<string>? sheets = null) => new(
        Meta, new HashSet<string>(sheets ?? LedgerSheets.All, StringComparer.Ordinal), Payers, Links, Projects, Deliveries, Quotes,
        Invoices, Payments, Applications, Holds, Contracts, Promises, []);

    public RuleContext Context(RuleSettings? settings = null, DateOnly? asOf = null) =>
        new(Snapshot(), asOf ?? AsOf, settings ?? RuleSettings.Default);

    /// <summary>Runs one rule over this ledger.</summary>
    public IReadOnlyList<Finding> Run(IRule rule, RuleSettings? settings = null, DateOnly? asOf = null) =>
        [.. rule.Evaluate(Context(settings, asOf))];

    private static decimal R(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    private TestLedger Add<T>(List<T> list, T item)
    {
        list.Add(item);
        return this;
    }
}
