namespace Allometry.Core.Tests.Sample;

using Allometry.Core.Ledger;
using Allometry.Core.Sample;

/// <summary>The reference sample, generated once for the tests that only read it.</summary>
public sealed class SampleFixture
{
    public SampleLedger Ledger { get; } = SampleOperatorGenerator.Generate();
}

/// <summary>Views of a sample that several test classes need.</summary>
internal static class SampleViews
{
    /// <summary>Every row id a planted case names (subject and evidence) plus the projects of those rows.</summary>
    public static HashSet<string> PlantedIds(SampleLedger ledger)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in ledger.PlantedCases)
        {
            ids.Add(c.SubjectId);
            ids.UnionWith(c.Evidence);
        }
        foreach (var invoice in ledger.Invoices.Where(i => ids.Contains(i.InvoiceId) && i.ProjectId is not null))
        {
            ids.Add(invoice.ProjectId!);
        }
        foreach (var quote in ledger.Quotes.Where(q => ids.Contains(q.QuoteId)))
        {
            ids.Add(quote.ProjectId);
        }
        foreach (var contract in ledger.ServiceContracts.Where(c => ids.Contains(c.ContractId) && c.ProjectId is not null))
        {
            ids.Add(contract.ProjectId!);
        }
        return ids;
    }

    /// <summary>Invoices of planted projects or named by a planted case.</summary>
    public static bool IsPlanted(Invoice invoice, HashSet<string> planted) =>
        planted.Contains(invoice.InvoiceId) || (invoice.ProjectId is { } p && planted.Contains(p));

    public static decimal AppliedTo(SampleLedger ledger, string invoiceId) =>
        ledger.PaymentApplications.Where(a => a.InvoiceId == invoiceId).Sum(a => a.Amount);

    /// <summary>Payers joined to <paramref name="payerId"/> by parent, affiliate or successor links.</summary>
    public static HashSet<string> GroupOf(SampleLedger ledger, string payerId)
    {
        var group = new HashSet<string>(StringComparer.Ordinal) { payerId };
        var links = ledger.EntityLinks.Where(x => x.Kind != EntityLinkKind.Handoff).ToList();
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var link in links.Where(x => group.Contains(x.FromPayerId) != group.Contains(x.ToPayerId)))
            {
                grew |= group.Add(link.FromPayerId) | group.Add(link.ToPayerId);
            }
        }
        return group;
    }

    public static string Dump(SampleLedger ledger) =>
        System.Text.Json.JsonSerializer.Serialize(ledger);
}
