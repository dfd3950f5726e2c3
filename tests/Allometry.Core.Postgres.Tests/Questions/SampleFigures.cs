namespace Allometry.Core.Postgres.Tests.Questions;

using Allometry.Core.Entities;
using Allometry.Core.Ledger;
using Allometry.Core.Sample;

/// <summary>The figures a correct answer must show, computed straight from the sample's own rows.</summary>
internal static class SampleFigures
{
    public static decimal ProjectOwed(SampleLedger s, string id) =>
        s.Invoices.Where(i => i.ProjectId == id && i.Status != InvoiceStatus.Void && i.Balance != 0m).Sum(i => i.Balance);

    public static int ProjectOpenInvoices(SampleLedger s, string id) =>
        s.Invoices.Count(i => i.ProjectId == id && i.Status != InvoiceStatus.Void && i.Balance != 0m);

    public static decimal PayerOwed(SampleLedger s, string id) =>
        s.Invoices.Where(i => i.PayerId == id && i.Status != InvoiceStatus.Void && i.Balance != 0m).Sum(i => i.Balance);

    public static decimal RetainageHeld(SampleLedger s, string id) =>
        s.Retainage.Where(h => h.ProjectId == id && h.ReleasedOn is null).Sum(h => h.HeldAmount);

    public static decimal DepositOwing(SampleLedger s, string id) =>
        s.Invoices.Where(i => i.ProjectId == id && i.Kind == InvoiceKind.Deposit && i.Status != InvoiceStatus.Void).Sum(i => i.Balance);

    public static decimal GroupOwed(SampleLedger s, string payerId)
    {
        var members = new EntityGraph(s.EntityLinks).GroupOf(payerId, s.Meta.AsOf).Members;
        return members.Sum(m => PayerOwed(s, m));
    }

    public static decimal OverdueDeposits(SampleLedger s) =>
        s.Invoices.Where(i => i.Kind == InvoiceKind.Deposit && i.Status != InvoiceStatus.Void && i.Balance > 0m && i.DueDate < s.Meta.AsOf).Sum(i => i.Balance);

    public static decimal Renewals(SampleLedger s, int days) =>
        s.ServiceContracts.Where(c => c.RenewalDate >= s.Meta.AsOf && c.RenewalDate <= s.Meta.AsOf.AddDays(days)).Sum(c => c.AnnualFee);

    public static string TopDebtor(SampleLedger s) =>
        s.Invoices.Where(i => i.Status != InvoiceStatus.Void && i.Balance != 0m)
            .GroupBy(i => i.PayerId).Select(g => (Id: g.Key, Sum: g.Sum(i => i.Balance)))
            .OrderByDescending(x => x.Sum).ThenBy(x => x.Id, StringComparer.Ordinal).First().Id;
}
