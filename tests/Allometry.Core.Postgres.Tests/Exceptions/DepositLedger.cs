namespace Allometry.Core.Postgres.Tests.Exceptions;

using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.Postgres.Tests.Imports;

/// <summary>Two projects of one payer, each with a deposit invoice whose balance a test sets.</summary>
internal static class DepositLedger
{
    public static readonly DateOnly AsOf = new(2026, 11, 20);

    public static LedgerBatch Build(decimal depositA = 5_000m, decimal depositB = 3_000m, bool paidA = false)
    {
        var b = new LedgerBatchBuilder { AsOf = AsOf }
            .Payer("P1", "Constructions Élan inc.")
            .Project("PA", "P1")
            .Project("PB", "P1");
        b.Invoices.Add(Deposit("DEP-A", "PA", 20_000m, depositA));
        b.Invoices.Add(Deposit("DEP-B", "PB", 20_000m, depositB));
        if (paidA)
        {
            b.Payments.Add(new Payment { PaymentId = "PAY-A", PayerId = "P1", ReceivedOn = new DateOnly(2026, 11, 18), Amount = 5_000m });
            b.Application("PAY-A", "DEP-A", 5_000m);
        }
        return b.Build();
    }

    private static Invoice Deposit(string id, string project, decimal total, decimal balance) =>
        LedgerBatchBuilder.NewInvoice(id, "P1", total, project, balance) with { Kind = InvoiceKind.Deposit };
}
