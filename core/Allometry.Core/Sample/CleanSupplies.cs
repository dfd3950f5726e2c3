namespace Allometry.Core.Sample;

using Allometry.Core.Ledger;
using static ProjectFactory;

/// <summary>
/// Clean quotes, deposits, goods, leases and service contracts. Deposits are invoiced the day a
/// quote is accepted and paid before anything ships; renewals are invoiced up to 60 days before
/// the renewal date; open invoices are never more than 20 days old.
/// </summary>
internal static class CleanSupplies
{
    /// <summary>A quote sent (or expired) and not accepted: no deposit is owed yet.</summary>
    public static Project Quoted(SampleDraft d, Project template, decimal total)
    {
        var quotedOn = d.Day(-d.Between(2, 45));
        var p = Add(d, template with { Status = ProjectStatus.Quoted });
        d.AddQuote(p, quotedOn, null, total, p.DepositPct, quotedOn < d.Day(-30) ? QuoteStatus.Expired : QuoteStatus.Sent);
        return p;
    }

    /// <summary>Accepted in the last 3–40 days; the first delivery is more than 7 days away unless the deposit is paid.</summary>
    public static Project AwaitingDelivery(SampleDraft d, Project template, decimal total)
    {
        var accepted = d.Day(-d.Between(3, 40));
        var payOn = accepted.AddDays(d.Between(3, 10));
        var p = Add(d, template with { Status = ProjectStatus.Active, ContractDate = accepted });
        AcceptWithDeposit(d, p, total, accepted, payOn);
        var scheduled = payOn < d.AsOf ? d.Day(d.Between(1, 40)) : d.Day(d.Between(12, 45));
        var milestone = p.SupplyType == SupplyType.Construction
            ? Milestone(p, "Mobilisation", "Mobilization")
            : Milestone(p, "Livraison des équipements", "Equipment delivery");
        d.AddDelivery(p, milestone, scheduled, null, DeliveryStatus.Pending);
        return p;
    }

    /// <summary>Goods delivered after the deposit was paid and billed in full on delivery.</summary>
    public static Project Delivered(SampleDraft d, Project template, decimal total, bool settled)
    {
        var accepted = d.Day(-d.Between(settled ? 60 : 35, 420));
        var delivered = accepted.AddDays(d.Between(14, 30));
        var finalPaid = PayDate(d, delivered);
        var closed = finalPaid < d.AsOf;
        var p = Add(d, template with
        {
            Status = closed ? ProjectStatus.Closed : ProjectStatus.Delivered,
            ContractDate = accepted,
            CompletedOn = closed ? delivered : null,
        });
        var deposit = AcceptWithDeposit(d, p, total, accepted, accepted.AddDays(d.Between(3, 10)));
        d.AddDelivery(p, Milestone(p, "Livraison des équipements", "Equipment delivery"), delivered, delivered, DeliveryStatus.Delivered);
        d.Bill(p, InvoiceKind.Final, delivered, 30, total - deposit.Subtotal, finalPaid);
        return p;
    }

    /// <summary>Lockers on lease: an installation fee and the first quarter paid together, then quarterly rent.</summary>
    public static Project Lease(SampleDraft d, Project template)
    {
        var contract = d.Day(-d.Between(100, 480));
        var installed = contract.AddDays(d.Between(7, 20));
        var rent = d.Dollars(1500, 9000);
        var p = Add(d, template with { Status = ProjectStatus.Active, ContractDate = contract });
        d.AddDelivery(p, Milestone(p, "Installation des casiers", "Locker installation"), installed, installed, DeliveryStatus.Installed);
        var fee = d.Bill(p, InvoiceKind.Other, installed, 30, RoundHundreds(d, 800, 3_500));
        var firstQuarter = d.Bill(p, InvoiceKind.Other, installed, 30, rent);
        var paidOn = PayDate(d, installed);
        d.Receive(fee.PayerId, paidOn, fee.Total + firstQuarter.Total, null, (fee, fee.Total), (firstQuarter, firstQuarter.Total));
        for (var quarter = installed.AddDays(91); quarter < d.AsOf; quarter = quarter.AddDays(91))
        {
            d.Bill(p, InvoiceKind.Other, quarter, 30, rent, PayDate(d, quarter));
        }
        return p;
    }

    /// <summary>
    /// A maintenance contract: the renewal is either more than 60 days away (last year's invoice
    /// paid) or already invoiced for the coming term.
    /// </summary>
    public static Project Service(SampleDraft d, Project template)
    {
        var fee = RoundHundreds(d, 2_400, 18_000);
        var invoicedAhead = d.Chance(30);
        var renewal = d.Day(invoicedAhead ? d.Between(5, 59) : d.Between(65, 330));
        var p = Add(d, template with { Status = ProjectStatus.Active, ContractDate = renewal.AddDays(-395) });
        var lastYear = renewal.AddDays(-365 - d.Between(10, 40));
        var last = d.Bill(p, InvoiceKind.Service, lastYear, 30, fee, PayDate(d, lastYear));
        if (invoicedAhead)
        {
            var issue = renewal.AddDays(-d.Between(30, 60));
            if (issue >= d.AsOf) issue = d.Day(-d.Between(1, 5));
            last = d.Bill(p, InvoiceKind.Service, issue, 30, fee, PayDate(d, issue));
        }
        d.Contracts.Add(new ServiceContract
        {
            ContractId = d.NewContractId(),
            PayerId = p.ContractPayerId,
            ProjectId = p.ProjectId,
            AnnualFee = fee,
            RenewalDate = renewal,
            ServiceActive = true,
            LastRenewalInvoiceId = last.InvoiceId,
        });
        return p;
    }

    /// <summary>
    /// A list price: an odd number of hundreds, so that some QST lands exactly on a half cent
    /// ($100.00 → 9.975 → 9.98) and the sample exercises rounding half away from zero.
    /// </summary>
    private static decimal RoundHundreds(SampleDraft d, int min, int max) =>
        (100m * ((2 * d.Between(min / 200, (max / 200) - 1)) + 1)) + 0.00m;
}
