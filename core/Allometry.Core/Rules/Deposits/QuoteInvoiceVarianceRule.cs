namespace Allometry.Core.Rules.Deposits;

using Allometry.Core.Imports;
using Allometry.Core.Ledger;

/// <summary>
/// QuoteInvoiceVariance: what a project was invoiced strays from what its accepted quotes sold.
/// </summary>
/// <remarks>
/// Quoted = Σ total before tax of the project's accepted quotes. Invoiced = Σ over the project's
/// invoices that are not void and not retainage releases of subtotal + retainage_held: the work
/// billed before tax, whether or not part of it is held back (a release re-bills work already
/// counted through retainage_held, so counting it too would count the holdback twice). Deposit
/// invoices and credit notes count (a final invoice nets the deposit out; a credit reduces the
/// sale). A project is completed once it has a final invoice, a completion date on or before the
/// as-of date, or the closed status. Completed: invoiced &lt; 98 % of quoted is leakage (High,
/// amount = quoted − invoiced); invoiced &gt; quoted + max($500, 2 %) is a dispute risk (High,
/// amount = invoiced − quoted). Not completed: invoiced &gt; quoted by more than 10 % is drift
/// (Medium, amount = invoiced − quoted); under-billing mid-project is just work to come.
/// Projects with no counted invoice are skipped: a quote alone says nothing about billing.
/// </remarks>
public sealed class QuoteInvoiceVarianceRule : IRule
{
    public string Id => "QuoteInvoiceVariance";

    public int Version => 1;

    /// <summary>Projects are read when present (status, completion date) but are not needed.</summary>
    public IReadOnlyList<string> RequiredSheets { get; } = [LedgerSheets.Quotes, LedgerSheets.Invoices];

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var ledger = context.Ledger;
        var s = context.Settings;
        foreach (var projectId in ledger.Quotes.Where(QuoteTerms.IsAccepted).Select(q => q.ProjectId).Distinct(StringComparer.Ordinal))
        {
            var quotes = QuoteTerms.AcceptedQuotes(ledger, projectId);
            var quoted = quotes.Sum(q => q.TotalExTax);
            var invoices = ledger.InvoicesOfProject(projectId)
                .Where(i => QuoteTerms.Counts(i) && i.Kind != InvoiceKind.RetainageRelease)
                .OrderBy(i => i.IssueDate).ThenBy(i => i.InvoiceId, StringComparer.Ordinal)
                .ToList();
            if (quoted <= 0m || invoices.Count == 0) continue;
            var invoiced = invoices.Sum(i => i.Subtotal + i.RetainageHeld);
            var project = ledger.Project(projectId);
            var completed = project?.Status == ProjectStatus.Closed || project?.CompletedOn <= context.AsOf
                || invoices.Any(i => i.Kind == InvoiceKind.Final);
            var allowance = Math.Max(s.QuoteOverbillMinimum, Percent(quoted, s.QuoteOverbillPercent));
            var floor = Percent(quoted, s.QuoteLeakagePercent);
            var driftCeiling = quoted + Percent(quoted, s.QuoteDriftPercent);
            (Variance, decimal)? variance = completed switch
            {
                true when invoiced < floor => (Variance.Leakage, floor),
                true when invoiced > quoted + allowance => (Variance.OverBilled, quoted + allowance),
                false when invoiced > driftCeiling => (Variance.Drift, driftCeiling),
                _ => null,
            };
            if (variance is { } found)
            {
                var (kind, bound) = found;
                var facts = new VarianceFacts(projectId, project, quotes, invoices, quoted, invoiced, allowance, kind, bound);
                yield return QuoteInvoiceVarianceFinding.Build(this, context, facts);
            }
        }
    }

    /// <summary><paramref name="pct"/> % of <paramref name="amount"/>, rounded to the cent.</summary>
    private static decimal Percent(decimal amount, decimal pct) =>
        decimal.Round(amount * pct / 100m, 2, MidpointRounding.AwayFromZero);
}

