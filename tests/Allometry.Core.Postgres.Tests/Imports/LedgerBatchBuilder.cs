namespace Allometry.Core.Postgres.Tests.Imports;

using Allometry.Core.Imports;
using Allometry.Core.Ledger;

/// <summary>
/// Builds a <see cref="LedgerBatch"/> in code, as if read from <c>ledger.xlsx</c>: records get the
/// row they would have on their sheet (header = row 1, so the first record is row 2).
/// </summary>
internal sealed class LedgerBatchBuilder
{
    public const string File = "ledger.xlsx";

    public DateOnly AsOf { get; set; } = new(2026, 3, 31);
    public IReadOnlyList<Province> SellerPstRegistrations { get; set; } = [];
    public List<Payer> Payers { get; } = [];
    public List<EntityLink> EntityLinks { get; } = [];
    public List<Project> Projects { get; } = [];
    public List<Delivery> Deliveries { get; } = [];
    public List<Quote> Quotes { get; } = [];
    public List<Invoice> Invoices { get; } = [];
    public List<Payment> Payments { get; } = [];
    public List<PaymentApplication> PaymentApplications { get; } = [];
    public List<RetainageHold> Retainage { get; } = [];
    public List<ServiceContract> ServiceContracts { get; } = [];
    public List<PaymentPromise> Promises { get; } = [];
    public List<BankTransaction> BankTransactions { get; } = [];

    public static IReadOnlyList<SourceSheet> Sources { get; } = [.. LedgerSheets.All.Select(s => new SourceSheet(File, s))];

    public static int SheetIndex(string sheet) => LedgerSheets.All.ToList().IndexOf(sheet);

    public LedgerBatchBuilder Payer(string id, string? name = null)
    {
        Payers.Add(new Payer { PayerId = id, Name = name ?? $"Payer {id}" });
        return this;
    }

    public LedgerBatchBuilder Project(string id, string payerId)
    {
        Projects.Add(new Project { ProjectId = id, Name = $"Project {id}", SiteProvince = Province.QC, ContractPayerId = payerId });
        return this;
    }

    public LedgerBatchBuilder Invoice(string id, string payerId, decimal total, string? projectId = null, decimal? balance = null)
    {
        Invoices.Add(NewInvoice(id, payerId, total, projectId, balance));
        return this;
    }

    public static Invoice NewInvoice(string id, string payerId, decimal total, string? projectId = null, decimal? balance = null) => new()
    {
        InvoiceId = id,
        PayerId = payerId,
        ProjectId = projectId,
        Kind = InvoiceKind.Progress,
        IssueDate = new DateOnly(2026, 1, 15),
        DueDate = new DateOnly(2026, 2, 14),
        Subtotal = total,
        Total = total,
        Balance = balance ?? total,
    };

    public LedgerBatchBuilder Payment(string id, string payerId, decimal amount)
    {
        Payments.Add(new Payment { PaymentId = id, PayerId = payerId, ReceivedOn = new DateOnly(2026, 2, 1), Amount = amount });
        return this;
    }

    public LedgerBatchBuilder Application(string paymentId, string invoiceId, decimal amount)
    {
        PaymentApplications.Add(new PaymentApplication { PaymentId = paymentId, InvoiceId = invoiceId, Amount = amount });
        return this;
    }

    /// <summary>The batch; <paramref name="issues"/> stands for what a reader found while reading.</summary>
    public LedgerBatch Build(ImportIssueCollector? issues = null) => new()
    {
        Meta = new LedgerMeta { AsOf = AsOf, Tenant = "Test tenant", SellerProvince = Province.QC, SellerPstRegistrations = SellerPstRegistrations },
        Sources = Sources,
        PresentSheets = new HashSet<string>(LedgerSheets.All, StringComparer.Ordinal),
        Issues = issues ?? new ImportIssueCollector(),
        Payers = Located(LedgerSheets.Payers, Payers, (r, s) => r with { Source = s }),
        EntityLinks = Located(LedgerSheets.EntityLinks, EntityLinks, (r, s) => r with { Source = s }),
        Projects = Located(LedgerSheets.Projects, Projects, (r, s) => r with { Source = s }),
        Deliveries = Located(LedgerSheets.Deliveries, Deliveries, (r, s) => r with { Source = s }),
        Quotes = Located(LedgerSheets.Quotes, Quotes, (r, s) => r with { Source = s }),
        Invoices = Located(LedgerSheets.Invoices, Invoices, (r, s) => r with { Source = s }),
        Payments = Located(LedgerSheets.Payments, Payments, (r, s) => r with { Source = s }),
        PaymentApplications = Located(LedgerSheets.PaymentApplications, PaymentApplications, (r, s) => r with { Source = s }),
        Retainage = Located(LedgerSheets.Retainage, Retainage, (r, s) => r with { Source = s }),
        ServiceContracts = Located(LedgerSheets.ServiceContracts, ServiceContracts, (r, s) => r with { Source = s }),
        Promises = Located(LedgerSheets.Promises, Promises, (r, s) => r with { Source = s }),
        BankTransactions = Located(LedgerSheets.BankTransactions, BankTransactions, (r, s) => r with { Source = s }),
    };

    // Lazily, once, like a streaming reader.
    private static IEnumerable<T> Located<T>(string sheet, List<T> records, Func<T, RowRef, T> locate)
    {
        var index = SheetIndex(sheet);
        for (var i = 0; i < records.Count; i++)
        {
            yield return locate(records[i], new RowRef(index, i + 2));
        }
    }
}
