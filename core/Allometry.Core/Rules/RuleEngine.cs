namespace Allometry.Core.Rules;

/// <summary>
/// Runs every enabled rule whose data is present over one snapshot. A rule missing a sheet it
/// needs is not run and is reported, so the diagnostic can say which sheet would enable it.
/// Findings come out ordered by severity then money at risk, so callers can take the top N.
/// </summary>
public sealed class RuleEngine(IEnumerable<IRule> rules)
{
    private readonly IReadOnlyList<IRule> _rules = [.. rules];

    public IReadOnlyList<IRule> Rules => _rules;

    public RuleEvaluation Evaluate(RuleContext context)
    {
        var findings = new List<Finding>();
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
            findings.AddRange(rule.Evaluate(context));
        }
        findings.Sort(static (a, b) =>
        {
            var bySeverity = b.Severity.CompareTo(a.Severity);
            return bySeverity != 0 ? bySeverity : b.AmountAtRisk.CompareTo(a.AmountAtRisk);
        });
        return new RuleEvaluation(context.AsOf, findings, skipped);
    }
}
