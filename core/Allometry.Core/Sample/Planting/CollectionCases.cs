namespace Allometry.Core.Sample.Planting;

using Allometry.Core.Ledger;
using Allometry.Core.Rules;
using static Allometry.Core.Sample.ProjectFactory;

/// <summary>Collections: broken promises, short pays, unapplied cash, overdue and aged balances.</summary>
internal static class CollectionCases
{
    /// <summary>
    /// BrokenPromise, Medium: promised 21 days ago to pay the whole balance 7 days ago; only
    /// $1,000.00 came in since. Amount = promised amount − applications to the invoice from
    /// payments received from the day the promise was recorded to the as-of date.
    /// </summary>
    public static void BrokenPromise(SampleDraft d, Payer payer)
    {
        var final = DeliveredGoods(d, payer, Province.BC, "Surrey", d.Day(-60), terms: 30);
        var recorded = d.Day(-21);
        var promise = new PaymentPromise { PayerId = payer.PayerId, InvoiceId = final.InvoiceId, PromisedOn = d.Day(-7), PromisedAmount = final.Total, RecordedOn = recorded };
        d.Promises.Add(promise);
        var partial = d.Receive(payer.PayerId, d.Day(-10), 1_000.00m, final.InvoiceId, (final, 1_000.00m));
        d.Plant(SampleRuleIds.BrokenPromise, Severity.Medium, SubjectKind.Invoice, final.InvoiceId,
            $"Promised {promise.PromisedOn.Iso()} to pay {final.InvoiceId} in full; only a partial payment arrived.",
            [final.InvoiceId, partial.PaymentId],
            ix => promise.PromisedAmount - ix.AppliedTo(final.InvoiceId, recorded, d.AsOf),
            SampleRuleIds.OverdueInvoice);
    }

    /// <summary>
    /// ShortPayUnresolved, Medium: a net-60 invoice paid short 30 days ago; the residual is
    /// neither disputed nor written off and the invoice is not yet due. Amount = the residual,
    /// i.e. the invoice's balance.
    /// </summary>
    public static void ShortPay(SampleDraft d, Payer payer)
    {
        var final = DeliveredGoods(d, payer, Province.QC, "Saint-Jérôme", d.Day(-50), terms: 60);
        var paid = final.Total - d.Dollars(900, 1_800);
        var payment = d.Receive(payer.PayerId, d.Day(-30), paid, final.InvoiceId, (final, paid));
        d.Plant(SampleRuleIds.ShortPayUnresolved, Severity.Medium, SubjectKind.Invoice, final.InvoiceId,
            $"{payment.PaymentId} paid {final.InvoiceId} short on {payment.ReceivedOn.Iso()}; residual unresolved.",
            [final.InvoiceId, payment.PaymentId], ix => ix.Invoice(final.InvoiceId).Balance);
    }

    /// <summary>
    /// UnappliedCash, Medium: a $5,000.00 payment received 20 days ago was never applied while the
    /// payer has an open lease invoice. Subject: the payment. Amount = payment amount − its applications.
    /// </summary>
    public static void UnappliedCash(SampleDraft d, Payer payer)
    {
        var open = Lease(d, payer, Province.BC, "Burnaby", d.Day(-101), unpaidQuarter: 1);
        var payment = d.Receive(payer.PayerId, d.Day(-20), 5_000.00m, "Prepayment / prépaiement");
        d.Plant(SampleRuleIds.UnappliedCash, Severity.Medium, SubjectKind.Payment, payment.PaymentId,
            $"{payment.PaymentId} of {payment.ReceivedOn.Iso()} unapplied while {open.InvoiceId} is open.",
            [payment.PaymentId, open.InvoiceId], ix => payment.Amount - ix.AppliedFrom(payment.PaymentId));
    }

    /// <summary>
    /// OverdueInvoice, severity by score (expected Medium: one invoice, 45 days beyond terms, no
    /// other risk factor): a lease quarter issued 75 days ago, unpaid. Amount = its balance.
    /// </summary>
    public static void Overdue(SampleDraft d, Payer payer)
    {
        var late = Lease(d, payer, Province.NS, "Lunenburg", d.Day(-166), unpaidQuarter: 1);
        d.Plant(SampleRuleIds.OverdueInvoice, Severity.Medium, SubjectKind.Invoice, late.InvoiceId,
            $"{late.InvoiceId} due {late.DueDate.Iso()}, unpaid.",
            [late.InvoiceId], ix => ix.Invoice(late.InvoiceId).Balance);
    }

    /// <summary>
    /// AgingConcentration, Medium: all of this payer's balance is more than 90 days past due (a
    /// disputed lease quarter; the next quarter was paid). Amount = the payer's balance in
    /// invoices more than 90 days past their due date.
    /// </summary>
    public static void Aged(SampleDraft d, Payer payer)
    {
        var old = Lease(d, payer, Province.QC, "Québec", d.Day(-252), unpaidQuarter: 1);
        d.Plant(SampleRuleIds.AgingConcentration, Severity.Medium, SubjectKind.Payer, payer.PayerId,
            $"{old.InvoiceId} is {d.AsOf.DayNumber - old.DueDate.DayNumber} days past due: all of the payer's balance is 90+.",
            [old.InvoiceId],
            ix => ix.Ledger.Invoices.Where(i => i.PayerId == payer.PayerId && i.DueDate < d.Day(-90)).Sum(i => i.Balance),
            SampleRuleIds.OverdueInvoice);
    }

    private static Invoice DeliveredGoods(SampleDraft d, Payer payer, Province site, string city, DateOnly delivered, int terms)
    {
        var accepted = delivered.AddDays(-30);
        var p = Add(d, Base(d, payer, BusinessLine.Lockers, SupplyType.Goods, site, city) with
        {
            Status = ProjectStatus.Delivered,
            ContractDate = accepted,
        });
        var total = d.Dollars(20_000, 60_000);
        var deposit = AcceptWithDeposit(d, p, total, accepted, accepted.AddDays(6));
        d.AddDelivery(p, Milestone(p, "Livraison des casiers", "Locker delivery"), delivered, delivered, DeliveryStatus.Delivered);
        return d.Bill(p, InvoiceKind.Final, delivered, terms, total - deposit.Subtotal);
    }

    /// <summary>A locker lease billed quarterly from <paramref name="installed"/>; quarter n (0-based) is left unpaid.</summary>
    private static Invoice Lease(SampleDraft d, Payer payer, Province site, string city, DateOnly installed, int unpaidQuarter)
    {
        var p = Add(d, Base(d, payer, BusinessLine.Lockers, SupplyType.Lease, site, city) with
        {
            Status = ProjectStatus.Active,
            ContractDate = installed.AddDays(-12),
        });
        d.AddDelivery(p, Milestone(p, "Installation des casiers", "Locker installation"), installed, installed, DeliveryStatus.Installed);
        var rent = d.Dollars(2_000, 7_500);
        Invoice? unpaid = null;
        for (var (quarter, n) = (installed, 0); quarter < d.AsOf; (quarter, n) = (quarter.AddDays(91), n + 1))
        {
            var invoice = d.Bill(p, InvoiceKind.Other, quarter, 30, rent, n == unpaidQuarter ? null : PayDate(d, quarter));
            if (n == unpaidQuarter) unpaid = invoice;
        }
        return unpaid ?? throw new InvalidOperationException("The unpaid quarter falls after the as-of date.");
    }
}
