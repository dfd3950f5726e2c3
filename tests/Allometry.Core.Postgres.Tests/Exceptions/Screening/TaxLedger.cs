namespace Allometry.Core.Postgres.Tests.Exceptions.Screening;

using Allometry.Core.Ledger;
using Allometry.Core.Postgres.Tests.Imports;
using Allometry.Core.Tax;

/// <summary>
/// Hand-built tax cases at the boundaries the tax screen must get right: each project is either
/// clean (every invoice taxed exactly) or holds one case a tax rule reports (or that sits within
/// the tolerance). Registered for PST in BC through the settings (<see cref="SettingsRegistrations"/>)
/// and in SK through meta.
/// </summary>
internal static class TaxLedger
{
    public static readonly DateOnly AsOf = new(2026, 11, 20);
    public static readonly IReadOnlySet<Province> SettingsRegistrations = new HashSet<Province> { Province.BC };
    public const string ValidNumbers = "TPS/GST 123456782 RT0001 — TVQ/QST 1234567890 TQ0001";

    /// <summary>The first positive subtotal whose QST is exactly half a cent (rounded up).</summary>
    public static decimal HalfCentQstSubtotal { get; } =
        Enumerable.Range(1, 100_000).Select(c => c / 100m).First(s => s * SalesTax.QstRate * 1000m % 10m == 5m);

    public static LedgerBatchBuilder Build()
    {
        var b = new LedgerBatchBuilder { AsOf = AsOf, SellerPstRegistrations = [Province.SK] };
        b.Payers.Add(new Payer { PayerId = "PQ", Name = "Payeur Québec", Province = Province.QC });
        b.Payers.Add(new Payer { PayerId = "PO", Name = "Ontario Payer", Province = Province.ON });
        b.Payers.Add(new Payer { PayerId = "PN", Name = "Payer nowhere" });

        Project(b, "QC-CLEAN", Province.QC, SupplyType.Goods);
        Add(b, Taxed("QC-1", "PQ", "QC-CLEAN", 100m, Province.QC));
        Add(b, Taxed("QC-2", "PQ", "QC-CLEAN", HalfCentQstSubtotal, Province.QC));
        Add(b, Taxed("QC-3", "PQ", "QC-CLEAN", 0m, Province.QC));
        Add(b, Taxed("QC-CN", "PQ", "QC-CLEAN", -100m, Province.QC) with { Hst = -13m });       // credit note: not reviewed
        Add(b, Taxed("QC-VOID", "PQ", "QC-CLEAN", 500m, Province.ON) with { Status = InvoiceStatus.Void }); // void: not reviewed

        Project(b, "QC-BASE", Province.QC, SupplyType.Construction);
        var based = Taxed("QCB-1", "PQ", "QC-BASE", 1_000m, Province.QC);
        Add(b, based with { Qst = SalesTax.Round((based.Subtotal + based.Gst) * SalesTax.QstRate) });

        Project(b, "QC-HALFDOWN", Province.QC, SupplyType.Goods);
        var halfDown = Taxed("QCH-1", "PQ", "QC-HALFDOWN", HalfCentQstSubtotal, Province.QC);
        Add(b, halfDown with { Qst = halfDown.Qst - 0.01m }); // a cent off: within the default tolerance

        Project(b, "NS-0331", Province.NS, SupplyType.Goods);
        Add(b, Taxed("NS-A", "PQ", "NS-0331", 1_000m, Province.NS, new DateOnly(2025, 3, 31)));
        Project(b, "NS-0401", Province.NS, SupplyType.Goods);
        Add(b, Taxed("NS-B", "PQ", "NS-0401", 1_000m, Province.NS, new DateOnly(2025, 4, 1)));
        Project(b, "NS-STALE", Province.NS, SupplyType.Goods);
        Add(b, Taxed("NS-C", "PQ", "NS-STALE", 1_000m, Province.NS, new DateOnly(2025, 3, 31)) with { DueDate = new DateOnly(2025, 4, 1) });
        Project(b, "NS-EARLY-OK", Province.NS, SupplyType.Goods);
        Add(b, Taxed("NS-D", "PQ", "NS-EARLY-OK", 1_000m, Province.NS, new DateOnly(2025, 3, 31)) with { DueDate = new DateOnly(2025, 4, 15) });
        Pay(b, "PAY-D", "PQ", new DateOnly(2025, 3, 20), "NS-D", 100m);
        Project(b, "NS-EARLY-BAD", Province.NS, SupplyType.Goods);
        Add(b, Taxed("NS-E", "PQ", "NS-EARLY-BAD", 1_000m, Province.NS, new DateOnly(2025, 4, 15)));
        Pay(b, "PAY-E", "PQ", new DateOnly(2025, 3, 20), "NS-E", 100m);
        Project(b, "NS-ZERO-APP", Province.NS, SupplyType.Goods);
        Add(b, Taxed("NS-F", "PQ", "NS-ZERO-APP", 1_000m, Province.NS, new DateOnly(2025, 4, 15)));
        Pay(b, "PAY-F", "PQ", new DateOnly(2025, 3, 20), "NS-F", 0m);

        Project(b, "SVC-OK", Province.ON, SupplyType.Service);
        Add(b, Taxed("SVC-A", "PQ", "SVC-OK", 2_000m, Province.QC));
        Project(b, "SVC-BAD", Province.QC, SupplyType.Service);
        Add(b, Taxed("SVC-B", "PO", "SVC-BAD", 2_000m, Province.QC));
        Project(b, "SVC-NOPROV", Province.ON, SupplyType.Service);
        Add(b, Taxed("SVC-C", "PN", "SVC-NOPROV", 2_000m, Province.ON));

        Project(b, "BC-REG", Province.BC, SupplyType.Goods);
        Add(b, Taxed("BC-A", "PQ", "BC-REG", 1_000m, Province.BC, registered: true));
        Project(b, "BC-NOPST", Province.BC, SupplyType.Goods);
        Add(b, Taxed("BC-B", "PQ", "BC-NOPST", 1_000m, Province.BC, registered: false));
        Project(b, "SK-META", Province.SK, SupplyType.Lease);
        Add(b, Taxed("SK-A", "PQ", "SK-META", 1_000m, Province.SK, registered: true));
        Project(b, "SK-MISSING", Province.SK, SupplyType.Lease);
        Add(b, Taxed("SK-B", "PQ", "SK-MISSING", 1_000m, Province.SK, registered: false));
        Project(b, "MB-UNREG", Province.MB, SupplyType.Goods);
        Add(b, Taxed("MB-A", "PQ", "MB-UNREG", 1_000m, Province.MB, registered: false));
        Project(b, "MB-PST", Province.MB, SupplyType.Goods);
        Add(b, Taxed("MB-B", "PQ", "MB-PST", 1_000m, Province.MB, registered: true));

        Project(b, "ON-TOL", Province.ON, SupplyType.Goods);
        var offByHalf = Taxed("ON-A", "PQ", "ON-TOL", 1_000m, Province.ON);
        Add(b, offByHalf with { Hst = offByHalf.Hst + 0.50m });

        // Without a project: the printed province stands in for the place of supply.
        Add(b, Taxed("X-ON-OK", "PO", null, 800m, Province.ON) with { TaxProvince = Province.ON });
        Add(b, Taxed("X-ON-BAD", "PO", null, 800m, Province.QC) with { TaxProvince = Province.ON });
        Add(b, Taxed("X-NOPROV", "PO", null, 800m, Province.QC) with { Hst = 1m });
        Add(b, Taxed("X-NS-EARLY", "PO", null, 800m, Province.NS, new DateOnly(2025, 4, 15)) with { TaxProvince = Province.NS });
        Pay(b, "PAY-X", "PO", new DateOnly(2025, 3, 1), "X-NS-EARLY", 50m);
        return b;
    }

    /// <summary>An invoice taxed exactly as <paramref name="province"/> expects on <paramref name="due"/> (2026-02-14 by default).</summary>
    public static Invoice Taxed(string id, string payer, string? project, decimal subtotal, Province province, DateOnly? due = null, bool registered = true)
    {
        var dueDate = due ?? new DateOnly(2026, 2, 14);
        var tax = SalesTax.Compute(province, dueDate, subtotal, registered);
        var total = subtotal + tax.Gst + tax.Hst + tax.Qst + tax.Pst;
        return LedgerBatchBuilder.NewInvoice(id, payer, total, project, total) with
        {
            Subtotal = subtotal, Gst = tax.Gst, Hst = tax.Hst, Qst = tax.Qst, Pst = tax.Pst,
            IssueDate = dueDate.AddDays(-30), DueDate = dueDate, RegistrationNumbers = ValidNumbers,
        };
    }

    public static void Project(LedgerBatchBuilder b, string id, Province site, SupplyType supply) =>
        b.Projects.Add(new Project { ProjectId = id, Name = $"Project {id}", SiteProvince = site, SupplyType = supply, ContractPayerId = "PQ" });

    public static void Add(LedgerBatchBuilder b, Invoice invoice) =>
        b.Invoices.Add(invoice with { Total = invoice.Subtotal + invoice.Gst + invoice.Hst + invoice.Qst + invoice.Pst, Balance = invoice.Subtotal + invoice.Gst + invoice.Hst + invoice.Qst + invoice.Pst });

    /// <summary>A payment received on <paramref name="on"/> applying <paramref name="amount"/> to <paramref name="invoiceId"/> (balance reduced).</summary>
    public static void Pay(LedgerBatchBuilder b, string paymentId, string payer, DateOnly on, string invoiceId, decimal amount)
    {
        b.Payments.Add(new Payment { PaymentId = paymentId, PayerId = payer, ReceivedOn = on, Amount = Math.Max(amount, 1m) });
        b.Application(paymentId, invoiceId, amount);
        var index = b.Invoices.FindIndex(i => i.InvoiceId == invoiceId);
        b.Invoices[index] = b.Invoices[index] with { Balance = b.Invoices[index].Balance - amount };
    }
}
