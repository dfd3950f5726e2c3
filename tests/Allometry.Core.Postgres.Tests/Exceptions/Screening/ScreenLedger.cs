namespace Allometry.Core.Postgres.Tests.Exceptions.Screening;

using Allometry.Core.Ledger;
using Allometry.Core.Postgres.Tests.Imports;

/// <summary>Small hand-built ledgers for the screens' boundary cases: one payer, projects as a test sets them.</summary>
internal static class ScreenLedger
{
    public const string Payer = "P1";

    public static LedgerBatchBuilder New(DateOnly asOf) => new LedgerBatchBuilder { AsOf = asOf }.Payer(Payer, "Constructions Élan inc.");

    public static Project Project(string id, Province province = Province.QC) =>
        new() { ProjectId = id, Name = $"Project {id}", SiteProvince = province, ContractPayerId = Payer };

    /// <summary>A paid-up invoice (balance 0, status paid).</summary>
    public static Invoice Paid(string id, string project, InvoiceKind kind, decimal subtotal, DateOnly issued) => new()
    {
        InvoiceId = id,
        PayerId = Payer,
        ProjectId = project,
        Kind = kind,
        IssueDate = issued,
        DueDate = issued.AddDays(30),
        Subtotal = subtotal,
        Total = subtotal,
        Balance = 0m,
        Status = InvoiceStatus.Paid,
    };

    public static Quote Accepted(string id, string project, decimal totalExTax, DateOnly acceptedOn, decimal? depositPct = null) => new()
    {
        QuoteId = id,
        ProjectId = project,
        TotalExTax = totalExTax,
        AcceptedOn = acceptedOn,
        DepositPct = depositPct,
        Status = QuoteStatus.Accepted,
    };

    public static Delivery Delivered(string project, DateOnly on) =>
        new() { ProjectId = project, Milestone = "M1", ScheduledOn = on, DeliveredOn = on, Status = DeliveryStatus.Delivered };

    public static RetainageHold Hold(string project, string invoice, decimal held, DateOnly? releaseDueOn = null) =>
        new() { ProjectId = project, InvoiceId = invoice, HeldAmount = held, ReleaseDueOn = releaseDueOn };

    /// <summary>A payment applied in full to <paramref name="invoice"/>.</summary>
    public static void Pay(LedgerBatchBuilder b, string payment, string invoice, decimal amount, DateOnly on)
    {
        b.Payments.Add(new Payment { PaymentId = payment, PayerId = Payer, ReceivedOn = on, Amount = amount });
        b.Application(payment, invoice, amount);
    }
}
