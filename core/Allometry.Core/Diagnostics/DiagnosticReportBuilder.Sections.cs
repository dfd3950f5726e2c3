namespace Allometry.Core.Diagnostics;

using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.Rules;

// The topic sections: ledger facts where the input has them, and what the topic's rules found.
public static partial class DiagnosticReportBuilder
{
    private static TopicFindings Topic(DiagnosticTopic topic, LedgerSnapshot ledger, IReadOnlyList<Finding> findings, IReadOnlyList<string> ran, int items)
    {
        var mine = findings.Where(f => RuleNames.TopicOf(f.RuleId) == topic).ToList();
        return new TopicFindings(
            [.. ran.Where(id => RuleNames.TopicOf(id) == topic)],
            mine.Count,
            Cents.Exact(mine.Sum(f => f.AmountAtRisk)),
            [.. mine.Take(items).Select(f => Item(ledger, f))]);
    }

    private static RetainageSection Retainage(LedgerSnapshot ledger, DateOnly asOf, TopicFindings rules)
    {
        if (!ledger.Has(LedgerSheets.Retainage))
        {
            return new RetainageSection(null, null, null, null, DiagnosticTexts.NoRetainageSheet, rules);
        }
        var unreleased = ledger.Retainage.Where(h => h.ReleaseInvoiceId is null && h.ReleasedOn is null && h.CollectedOn is null).ToList();
        var late = unreleased.Where(h => h.ReleaseDueOn is { } due && due < asOf).ToList();
        return new RetainageSection(
            unreleased.Count, Cents.Exact(unreleased.Sum(h => h.HeldAmount)),
            Cents.Exact(late.Sum(h => h.HeldAmount)), late.Count, null, rules);
    }

    private static DepositSection Deposits(LedgerSnapshot ledger, TopicFindings rules)
    {
        if (!ledger.Invoices.Any(i => i.Origin == InvoiceOrigin.Workbook))
        {
            return new DepositSection(null, null, DiagnosticTexts.NoInvoiceKinds, rules);
        }
        var unpaid = ledger.Invoices.Where(i => i.Kind == InvoiceKind.Deposit && i.Status != InvoiceStatus.Void && i.Balance > 0m).ToList();
        return new DepositSection(unpaid.Count, Cents.Exact(unpaid.Sum(i => i.Balance)), null, rules);
    }

    private static QuoteVarianceSection Quotes(LedgerSnapshot ledger, TopicFindings rules)
    {
        if (!ledger.Has(LedgerSheets.Quotes))
        {
            return new QuoteVarianceSection(null, null, DiagnosticTexts.NoQuotes, rules);
        }
        var accepted = ledger.Quotes.Where(q => q.Status == QuoteStatus.Accepted || (q.Status is null && q.AcceptedOn is not null)).ToList();
        return new QuoteVarianceSection(accepted.Count, Cents.Exact(accepted.Sum(q => q.TotalExTax)), null, rules);
    }

    private static ExposureSection Exposure(RuleContext context, DateOnly asOf, int top, TopicFindings rules)
    {
        var ledger = context.Ledger;
        var balances = ledger.Invoices.Where(IsOpen)
            .GroupBy(i => i.PayerId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(i => i.Balance), StringComparer.Ordinal);
        decimal BalanceOf(string payerId) => balances.GetValueOrDefault(payerId);

        var groups = PayerGroups.Of(ledger, asOf)
            .Select(g =>
            {
                var members = g.Members
                    .Where(m => BalanceOf(m) != 0m || string.Equals(m, g.Root, StringComparison.Ordinal))
                    .Select(m => new ExposureMember(m, ledger.Payer(m)?.Name ?? m, Cents.Exact(BalanceOf(m))))
                    .OrderByDescending(m => m.OpenAr).ThenBy(m => m.PayerId, StringComparer.Ordinal)
                    .ToList();
                var limit = context.Settings.GroupCreditLimits.TryGetValue(g.Root, out var configured) ? configured : ledger.Payer(g.Root)?.CreditLimit;
                var group = new ExposureGroup(g.Root, ledger.Payer(g.Root)?.Name ?? g.Root, members, Cents.Exact(g.Members.Sum(BalanceOf)), Cents.Exact(limit));
                return (Group: group, Size: g.Members.Count);
            })
            .ToList();
        // Exposure is money owed: a group whose credits outweigh its invoices is not shown.
        var shown = groups.Where(g => g.Group.OpenAr > 0m)
            .OrderByDescending(g => g.Group.OpenAr).ThenBy(g => g.Group.RootPayerId, StringComparer.Ordinal)
            .Take(top).Select(g => g.Group).ToList();
        var overLimit = groups.Count(g => g.Group.OverLimit);
        if (!ledger.Has(LedgerSheets.EntityLinks))
        {
            return new ExposureSection(shown, null, null, overLimit, DiagnosticTexts.NoEntityLinks, rules);
        }
        var linked = groups.Where(g => g.Size > 1).ToList();
        return new ExposureSection(shown, linked.Count, Cents.Exact(linked.Sum(g => g.Group.OpenAr)), overLimit, null, rules);
    }

    private static DiagnosticItem Item(LedgerSnapshot ledger, Finding f) => new(
        f.RuleId, RuleNames.Of(f.RuleId), f.Severity, f.Subject.Kind, f.Subject.Id, Cents.Exact(f.AmountAtRisk), f.Currency,
        f.PayerId, ledger.Payer(f.PayerId)?.Name, f.ProjectId, ledger.Project(f.ProjectId)?.Name,
        f.Title, f.Detail, f.SuggestedAction,
        [.. f.Evidence.Select(e => new ItemEvidence(e.Sheet, e.RowId, e.Field, e.Expected, e.Actual, e.Note))]);
}
