namespace Allometry.Core.Sample.Planting;

using Allometry.Core.Ledger;
using Allometry.Core.Rules;
using static Allometry.Core.Sample.ProjectFactory;

/// <summary>Deposits that gate a delivery, were never invoiced, or sit unused as a credit.</summary>
internal static class DepositCases
{
    /// <summary>
    /// DepositGateUnpaid, High: the deposit invoice is open and the equipment ships in 5 days.
    /// Amount = required deposit − deposit paid, where required deposit = the accepted quote's
    /// deposit_pct × total_ex_tax (rounded to the cent) and deposit paid = the payment
    /// applications to the project's deposit invoices (here none).
    /// </summary>
    public static void GateHigh(SampleDraft d, Payer payer)
    {
        var accepted = d.Day(-10);
        var p = Add(d, Base(d, payer, BusinessLine.Lockers, SupplyType.Goods, Province.ON, "Mississauga") with
        {
            Name = "Maple Ridge — Smart lockers, Mississauga hub",
            Status = ProjectStatus.Active,
            ContractDate = accepted,
        });
        var deposit = AcceptWithDeposit(d, p, d.Dollars(40_000, 90_000), accepted, payOn: null);
        var ships = d.Day(5);
        d.AddDelivery(p, "Equipment delivery", ships, null, DeliveryStatus.Pending);
        d.Plant(SampleRuleIds.DepositGateUnpaid, Severity.High, SubjectKind.Project, p.ProjectId,
            $"Deposit invoice {deposit.InvoiceId} unpaid; lockers ship {ships.Iso()} (5 days).",
            [deposit.InvoiceId], ix => RequiredDeposit(ix, p.ProjectId) - DepositPaid(ix, p.ProjectId));
    }

    /// <summary>
    /// DepositGateUnpaid, Critical: chargers were delivered 12 days ago on a partly paid deposit.
    /// Amount = required deposit − deposit paid (as for <see cref="GateHigh"/>).
    /// </summary>
    public static void GateCritical(SampleDraft d, Payer payer)
    {
        var accepted = d.Day(-20);
        var delivered = d.Day(-12);
        var p = Add(d, Base(d, payer, BusinessLine.EvCharging, SupplyType.Goods, Province.NS, "Lunenburg") with
        {
            Status = ProjectStatus.Delivered,
            ContractDate = accepted,
        });
        var deposit = AcceptWithDeposit(d, p, d.Dollars(30_000, 70_000), accepted, payOn: null, terms: 30);
        d.AddDelivery(p, "Charger delivery", delivered, delivered, DeliveryStatus.Delivered);
        var partial = Math.Round(deposit.Total * d.Between(30, 50) / 100m / 100m, MidpointRounding.AwayFromZero) * 100m + 0.00m;
        var payment = d.Receive(payer.PayerId, d.Day(-10), partial, $"Partial deposit {deposit.InvoiceId}", (deposit, partial));
        d.Plant(SampleRuleIds.DepositGateUnpaid, Severity.Critical, SubjectKind.Project, p.ProjectId,
            $"Chargers delivered {delivered.Iso()} while deposit {deposit.InvoiceId} is only partly paid.",
            [deposit.InvoiceId, payment.PaymentId], ix => RequiredDeposit(ix, p.ProjectId) - DepositPaid(ix, p.ProjectId));
    }

    /// <summary>
    /// DepositNotInvoiced, Medium: a quote with a 30 % deposit accepted 4 business days ago and no
    /// deposit invoice. Subject: the quote. Amount = required deposit (deposit_pct × accepted quote total_ex_tax).
    /// </summary>
    public static void NotInvoiced(SampleDraft d, Payer payer)
    {
        var accepted = SampleFormat.BusinessDaysBefore(d.AsOf, 4);
        var p = Add(d, Base(d, payer, BusinessLine.Solar, SupplyType.Construction, Province.BC, "Kelowna") with
        {
            Status = ProjectStatus.Active,
            ContractDate = accepted,
        });
        var quote = AcceptedQuote(d, p, d.Dollars(120_000, 260_000), accepted);
        d.AddDelivery(p, "Mobilization", d.Day(d.Between(25, 40)), null, DeliveryStatus.Pending);
        d.Plant(SampleRuleIds.DepositNotInvoiced, Severity.Medium, SubjectKind.Quote, quote.QuoteId,
            $"Quote {quote.QuoteId} accepted {accepted.Iso()} with a 30 % deposit; no deposit invoice.",
            [quote.QuoteId], ix => RequiredDeposit(ix, p.ProjectId));
    }

    /// <summary>
    /// UnappliedDeposit, Medium: a credit note sits unused while the same project has a progress
    /// invoice open for 15 days. Amount = the unused credit, −(credit note balance), capped at the
    /// open balance of the project's invoices issued more than 7 days ago (the cap does not bind).
    /// </summary>
    public static void UnusedCredit(SampleDraft d, Payer payer)
    {
        var accepted = d.Day(-75);
        var p = Add(d, Base(d, payer, BusinessLine.EvCharging, SupplyType.Construction, Province.QC, "Québec") with
        {
            Status = ProjectStatus.Active,
            ContractDate = accepted,
        });
        var total = d.Dollars(80_000, 140_000);
        var deposit = AcceptWithDeposit(d, p, total, accepted, accepted.AddDays(5));
        d.AddDelivery(p, "Mobilisation", d.Day(-55), d.Day(-55), DeliveryStatus.Delivered);
        d.AddDelivery(p, "Mise en service", d.Day(30), null, DeliveryStatus.Pending);
        var shares = Split(d, total - deposit.Subtotal, 3);
        BillWork(d, p, InvoiceKind.Progress, d.Day(-45), shares[0], d.Day(-35));
        var open = BillWork(d, p, InvoiceKind.Progress, d.Day(-15), shares[1], payOn: null);
        var credit = d.Bill(p, InvoiceKind.Other, d.Day(-12), 30, -d.Dollars(1_500, 4_000));
        d.Plant(SampleRuleIds.UnappliedDeposit, Severity.Medium, SubjectKind.Invoice, credit.InvoiceId,
            $"Credit note {credit.InvoiceId} (charger removed from scope) unused while {open.InvoiceId} is open.",
            [credit.InvoiceId, open.InvoiceId],
            ix =>
            {
                var openBalance = ix.InvoicesOf(p.ProjectId).Where(i => i.Balance > 0m && i.IssueDate < d.Day(-7)).Sum(i => i.Balance);
                return Math.Min(-ix.Invoice(credit.InvoiceId).Balance, openBalance);
            });
    }

    private static decimal RequiredDeposit(LedgerIndex ix, string projectId)
    {
        var quote = ix.AcceptedQuote(projectId);
        return DepositOf(quote.TotalExTax, quote.DepositPct);
    }

    private static decimal DepositPaid(LedgerIndex ix, string projectId) =>
        ix.InvoicesOf(projectId).Where(i => i.Kind == InvoiceKind.Deposit).Sum(i => ix.AppliedTo(i.InvoiceId));
}
