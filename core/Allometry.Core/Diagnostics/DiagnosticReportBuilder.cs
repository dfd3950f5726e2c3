namespace Allometry.Core.Diagnostics;

using Allometry.Core.Aging;
using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.Rules;

/// <summary>
/// Builds a <see cref="DiagnosticReport"/> from one rule evaluation over a ledger snapshot. Pure:
/// the same ledger, evaluation and options give the same report. Works on a bare aging export
/// (payers and open invoices only) and gets richer with every sheet of the ledger workbook.
/// </summary>
public static partial class DiagnosticReportBuilder
{
    /// <summary>Runs every rule of <see cref="RuleCatalog"/> over the context, then builds the report.</summary>
    public static DiagnosticReport Evaluate(RuleContext context, DiagnosticOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var engine = RuleCatalog.CreateEngine();
        return Build(context, engine.Evaluate(context), engine.Rules, options);
    }

    /// <summary>Builds the report of an evaluation already run.</summary>
    /// <param name="context">The ledger, as-of date and settings the evaluation ran with.</param>
    /// <param name="evaluation">Its findings and skipped rules.</param>
    /// <param name="rules">The rules the engine had, so the report can say which ran and found nothing.</param>
    /// <param name="options">How much to show; <see cref="DiagnosticOptions.Default"/> when null.</param>
    public static DiagnosticReport Build(RuleContext context, RuleEvaluation evaluation, IEnumerable<IRule> rules, DiagnosticOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(rules);
        options ??= DiagnosticOptions.Default;
        var ledger = context.Ledger;
        var asOf = evaluation.AsOf;
        var findings = evaluation.Findings;
        var coverage = Coverage(ledger, evaluation, rules);
        var ran = coverage.Rules.Where(r => r.Status == RuleRunStatus.Ran).Select(r => r.RuleId).ToList();
        var aging = Aging(ledger, asOf, options.TopPayers);

        return new DiagnosticReport
        {
            AsOf = asOf,
            Currency = ledger.Meta.Currency,
            Input = Input(ledger, options),
            Summary = Summary(aging.Totals, findings, coverage),
            ByRule = ByRule(findings),
            Aging = aging,
            Metrics = MetricsCalculator.Compute(ledger, asOf, options.SalesPeriodDays),
            Retainage = Retainage(ledger, asOf, Topic(DiagnosticTopic.Retainage, ledger, findings, ran, options.ItemsPerSection)),
            Deposits = Deposits(ledger, Topic(DiagnosticTopic.Deposits, ledger, findings, ran, options.ItemsPerSection)),
            QuoteVariances = Quotes(ledger, Topic(DiagnosticTopic.QuoteVariance, ledger, findings, ran, options.ItemsPerSection)),
            Exposure = Exposure(context, asOf, options.TopGroups, Topic(DiagnosticTopic.LinkedEntities, ledger, findings, ran, options.ItemsPerSection)),
            TopItems = [.. findings.Take(options.TopItems).Select(f => Item(ledger, f))],
            Coverage = coverage,
        };
    }

    private static DiagnosticInput Input(LedgerSnapshot ledger, DiagnosticOptions options)
    {
        var fromExports = ledger.Invoices.Count(i => i.Origin != InvoiceOrigin.Workbook);
        var kind = fromExports == 0 ? DiagnosticInputKind.LedgerWorkbook
            : fromExports == ledger.Invoices.Count ? DiagnosticInputKind.AgingExport
            : DiagnosticInputKind.Combined;
        return new DiagnosticInput(
            [.. options.Sources],
            kind,
            [.. LedgerSheets.All.Where(ledger.Has)],
            ledger.Payers.Count,
            ledger.Invoices.Count,
            ledger.Invoices.Count(IsOpen),
            ledger.Projects.Count);
    }

    private static DiagnosticSummary Summary(AgingAmounts aging, IReadOnlyList<Finding> findings, RuleCoverage coverage)
    {
        var bySeverity = Enum.GetValues<Severity>().OrderDescending()
            .Select(s => new SeverityCount(s, findings.Count(f => f.Severity == s), Cents.Exact(findings.Where(f => f.Severity == s).Sum(f => f.AmountAtRisk))))
            .ToList();
        return new DiagnosticSummary(
            aging.Total,
            aging.Overdue,
            findings.Count,
            Cents.Exact(findings.Sum(f => f.AmountAtRisk)),
            bySeverity,
            coverage.Rules.Count(r => r.Status == RuleRunStatus.Ran),
            coverage.Rules.Count(r => r.Status == RuleRunStatus.Ran && r.Findings > 0),
            coverage.Rules.Count(r => r.Status != RuleRunStatus.Ran));
    }

    private static IReadOnlyList<RuleTotal> ByRule(IReadOnlyList<Finding> findings) =>
    [
        .. findings.GroupBy(f => f.RuleId, StringComparer.Ordinal)
            .Select(g => new RuleTotal(g.Key, RuleNames.Of(g.Key), RuleNames.TopicOf(g.Key), g.Count(), Cents.Exact(g.Sum(f => f.AmountAtRisk)), g.Max(f => f.Severity)))
            .OrderByDescending(t => t.AmountAtRisk).ThenByDescending(t => t.Findings).ThenBy(t => t.RuleId, StringComparer.Ordinal),
    ];

    private static AgingSection Aging(LedgerSnapshot ledger, DateOnly asOf, int topPayers)
    {
        var open = ledger.Invoices.Where(IsOpen).ToList();
        var rows = open.GroupBy(i => i.PayerId, StringComparer.Ordinal)
            .Select(g => new AgingRow(g.Key, ledger.Payer(g.Key)?.Name ?? g.Key, Exact(Bucketed(g, asOf)), g.Count()))
            .OrderByDescending(r => r.Amounts.Total).ThenBy(r => r.Key, StringComparer.Ordinal)
            .ToList();
        return new AgingSection(Exact(Bucketed(open, asOf)), [.. rows.Take(topPayers)], rows.Count);
    }

    private static AgingAmounts Bucketed(IEnumerable<Invoice> invoices, DateOnly asOf) =>
        invoices.Aggregate(default(AgingAmounts), (acc, i) => acc.Add(AgingBuckets.Of(asOf, i.DueDate), i.Balance));

    private static AgingAmounts Exact(AgingAmounts a) =>
        new(Cents.Exact(a.Current), Cents.Exact(a.Days1To30), Cents.Exact(a.Days31To60), Cents.Exact(a.Days61To90), Cents.Exact(a.Over90));

    internal static bool IsOpen(Invoice invoice) => invoice.Status != InvoiceStatus.Void && invoice.Balance != 0m;
}
