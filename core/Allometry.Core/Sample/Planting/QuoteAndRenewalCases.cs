namespace Allometry.Core.Sample.Planting;

using Allometry.Core.Ledger;
using Allometry.Core.Rules;
using static Allometry.Core.Sample.ProjectFactory;

/// <summary>Invoicing that strays from the quote, and renewals not yet billed.</summary>
internal static class QuoteAndRenewalCases
{
    /// <summary>
    /// QuoteInvoiceVariance (leakage), High: a closed charger sale invoiced 3–8 % under its
    /// accepted quote. Amount = quote total_ex_tax − sum of the project's invoice subtotals.
    /// </summary>
    public static void Leakage(SampleDraft d, Payer payer)
    {
        var (p, quote, _) = SoldChargers(d, payer, Province.ON, "Kingston", d.Day(-200), closed: true,
            (total, deposit) => total - deposit - SampleTax.Round(total * d.Between(3, 8) / 100m));
        d.Plant(SampleRuleIds.QuoteInvoiceVariance, Severity.High, SubjectKind.Project, p.ProjectId,
            $"Completed project invoiced below quote {quote.QuoteId} (< 98 %).",
            [quote.QuoteId], ix => quote.TotalExTax - ix.InvoicesOf(p.ProjectId).Sum(i => i.Subtotal));
    }

    /// <summary>
    /// QuoteInvoiceVariance (over-billing), High: the final invoice takes the project above its
    /// quote by more than max($500, 2 %). Amount = sum of the project's invoice subtotals − quote
    /// total_ex_tax (the part billed above the quote).
    /// </summary>
    public static void OverBilling(SampleDraft d, Payer payer)
    {
        var (p, quote, final) = SoldChargers(d, payer, Province.BC, "Burnaby", d.Day(-40), closed: false,
            (total, deposit) => total - deposit + Math.Max(500m, SampleTax.Round(total * 0.02m)) + d.Dollars(400, 2_500));
        d.Plant(SampleRuleIds.QuoteInvoiceVariance, Severity.High, SubjectKind.Project, p.ProjectId,
            $"{final.InvoiceId} takes the project above quote {quote.QuoteId} by more than max($500, 2 %).",
            [quote.QuoteId, final.InvoiceId], ix => ix.InvoicesOf(p.ProjectId).Sum(i => i.Subtotal) - quote.TotalExTax);
    }

    /// <summary>
    /// RenewalPrebillDue: a maintenance contract whose renewal is <paramref name="daysAway"/> days
    /// away (negative = lapsed while the service stays active) and whose last renewal invoice is
    /// last year's. Amount = the contract's annual fee (the renewal not yet billed, before tax).
    /// </summary>
    public static void Renewal(SampleDraft d, Payer payer, int daysAway, Severity severity)
    {
        var site = payer.Province ?? Province.QC;
        var renewal = d.Day(daysAway);
        var p = Add(d, Base(d, payer, BusinessLine.Maintenance, SupplyType.Service, site) with
        {
            Status = ProjectStatus.Active,
            ContractDate = renewal.AddYears(-2),
        });
        var fee = d.Dollars(3_000, 15_000);
        var lastYear = renewal.AddDays(-365 - d.Between(10, 40));
        var last = d.Bill(p, InvoiceKind.Service, lastYear, 30, fee, PayDate(d, lastYear));
        var contract = new ServiceContract
        {
            ContractId = d.NewContractId(),
            PayerId = payer.PayerId,
            ProjectId = p.ProjectId,
            AnnualFee = fee,
            RenewalDate = renewal,
            ServiceActive = true,
            LastRenewalInvoiceId = last.InvoiceId,
        };
        d.Contracts.Add(contract);
        d.Plant(SampleRuleIds.RenewalPrebillDue, severity, SubjectKind.ServiceContract, contract.ContractId,
            daysAway < 0
                ? $"Renewal of {renewal.Iso()} lapsed {-daysAway} days ago, service still active, not invoiced."
                : $"Renews {renewal.Iso()} ({daysAway} days); last renewal invoice {last.InvoiceId} is last year's.",
            [contract.ContractId, last.InvoiceId], ix => ix.Contract(contract.ContractId).AnnualFee);
    }

    private static (Project Project, Quote Quote, Invoice Final) SoldChargers(SampleDraft d, Payer payer, Province site, string city,
        DateOnly accepted, bool closed, Func<decimal, decimal, decimal> finalSubtotal)
    {
        var delivered = closed ? accepted.AddDays(30) : d.Day(-6);
        var p = Add(d, Base(d, payer, BusinessLine.EvCharging, SupplyType.Goods, site, city) with
        {
            Status = closed ? ProjectStatus.Closed : ProjectStatus.Delivered,
            ContractDate = accepted,
            CompletedOn = closed ? delivered : null,
        });
        var total = d.Dollars(30_000, 90_000);
        var deposit = AcceptWithDeposit(d, p, total, accepted, accepted.AddDays(5));
        d.AddDelivery(p, "Charger delivery", delivered, delivered, DeliveryStatus.Delivered);
        var final = d.Bill(p, InvoiceKind.Final, delivered, 30, finalSubtotal(total, deposit.Subtotal), closed ? PayDate(d, delivered) : null);
        return (p, d.Quotes.Last(q => q.ProjectId == p.ProjectId), final);
    }
}
