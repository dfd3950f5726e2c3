namespace Allometry.Core.Rules;

using System.Runtime.ExceptionServices;

/// <summary>
/// Runs every enabled rule whose data is present over one snapshot. A rule missing a sheet it
/// needs is not run and is reported, so the diagnostic can say which sheet would enable it.
/// Findings come out ordered by severity then money at risk, so callers can take the top N.
/// </summary>
/// <remarks>
/// On a large ledger (<see cref="ParallelFromInvoices"/> invoices or more) the rules run side by
/// side on the thread pool: they are pure functions of a read-only snapshot, and a whole-tenant
/// evaluation spends seconds in them. Their findings are still gathered in catalogue order before
/// the sort, so the result is the same as one rule after the other. A project's slice (a few
/// hundred invoices) runs them one after the other: handing sub-millisecond work to other threads
/// costs more than it saves, most of all on a busy machine.
/// </remarks>
/// <param name="rules">The rules, in catalogue order.</param>
/// <param name="parallelFromInvoices">Ledger size from which the rules run side by side (by default <see cref="ParallelFromInvoices"/>).</param>
public sealed class RuleEngine(IEnumerable<IRule> rules, int parallelFromInvoices = RuleEngine.ParallelFromInvoices)
{
    /// <summary>Ledger size from which rules run in parallel, by default.</summary>
    public const int ParallelFromInvoices = 5_000;

    private readonly IReadOnlyList<IRule> _rules = [.. rules];

    public IReadOnlyList<IRule> Rules => _rules;

    public RuleEvaluation Evaluate(RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var runnable = new List<IRule>();
        var skipped = new List<SkippedRule>();
        foreach (var rule in _rules)
        {
            if (!context.Settings.IsEnabled(rule.Id))
            {
                skipped.Add(new SkippedRule(rule.Id, SkipReason.Disabled, []));
                continue;
            }
            var missing = rule.RequiredSheets.Where(s => !context.Ledger.Has(s)).ToList();
            if (missing.Count > 0)
            {
                skipped.Add(new SkippedRule(rule.Id, SkipReason.MissingData, missing));
                continue;
            }
            runnable.Add(rule);
        }

        var perRule = new List<Finding>[runnable.Count];
        if (context.Ledger.Invoices.Count >= parallelFromInvoices && runnable.Count > 1)
        {
            try
            {
                Parallel.For(0, runnable.Count, i => perRule[i] = [.. runnable[i].Evaluate(context)]);
            }
            catch (AggregateException ex) when (ex.InnerExceptions.Count == 1)
            {
                // A failing rule fails the evaluation as it would one rule after the other.
                ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
                throw;
            }
        }
        else
        {
            for (var i = 0; i < runnable.Count; i++) perRule[i] = [.. runnable[i].Evaluate(context)];
        }

        var findings = new List<Finding>(perRule.Sum(f => f.Count));
        foreach (var found in perRule) findings.AddRange(found);
        findings.Sort(static (a, b) =>
        {
            var bySeverity = b.Severity.CompareTo(a.Severity);
            return bySeverity != 0 ? bySeverity : b.AmountAtRisk.CompareTo(a.AmountAtRisk);
        });
        return new RuleEvaluation(context.AsOf, findings, skipped);
    }
}
