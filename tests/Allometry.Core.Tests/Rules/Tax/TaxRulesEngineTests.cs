namespace Allometry.Core.Tests.Rules.Tax;

using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.Rules;
using Allometry.Core.Rules.Tax;
using Allometry.Core.Sample;

/// <summary>The tax rules together: in the catalogue, over the sample operator, over aging exports alone.</summary>
public sealed class TaxRulesEngineTests
{
    private static readonly string[] TaxRuleIds = ["MissingRegistrationNumber", "QstBaseError", "StaleNsRate", "TaxProvinceMismatch"];

    private static IRule[] Rules() => [new TaxProvinceMismatchRule(), new QstBaseErrorRule(), new StaleNsRateRule(), new MissingRegistrationNumberRule()];

    public static TheoryData<int> Seeds => [SampleOperatorGenerator.DefaultSeed, 3, 7, 99, 2024, 31337];

    [Fact]
    public void RuleCatalog_Discovers_EveryTaxRuleOnceWithVersion1()
    {
        // Act
        var found = RuleCatalog.All.Where(r => TaxRuleIds.Contains(r.Id)).ToList();

        // Assert
        Assert.Equal(TaxRuleIds, found.Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.All(found, r => Assert.Equal(1, r.Version));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Evaluate_SampleOperator_FindsExactlyThePlantedTaxCases(int seed)
    {
        // Arrange
        var sample = SampleOperatorGenerator.Generate(seed);
        var context = new RuleContext(LedgerSnapshot.From(sample.ToBatch()), sample.Meta.AsOf, RuleSettings.Default);
        var planted = sample.PlantedCases.Where(c => TaxRuleIds.Contains(c.RuleId)).ToList();

        // Act
        var findings = new RuleEngine(Rules()).Evaluate(context).Findings;

        // Assert: every planted case, with its subject, severity and amount…
        Assert.Equal(5, planted.Count);
        Assert.All(planted, c =>
        {
            var f = Assert.Single(findings, f => f.RuleId == c.RuleId && f.Subject == c.Subject);
            Assert.Equal(c.Severity, f.Severity);
            Assert.Equal(c.AmountAtRisk, f.AmountAtRisk);
        });
        // …and nothing else, except what a planted case says may also trigger on its rows.
        var extra = findings.Where(f => !planted.Any(c => c.RuleId == f.RuleId && c.Subject == f.Subject))
            .Where(f => !sample.PlantedCases.Any(c => c.Subject == f.Subject && c.AlsoMayTrigger.Contains(f.RuleId)))
            .Select(f => $"{f.RuleId} {f.Subject} {f.AmountAtRisk}")
            .ToList();
        Assert.Empty(extra);
    }

    [Fact]
    public void Evaluate_SampleOperator_NoInvoiceReportedByTwoTaxRateRules()
    {
        // Arrange
        var sample = SampleOperatorGenerator.Generate();
        var context = new RuleContext(LedgerSnapshot.From(sample.ToBatch()), sample.Meta.AsOf, RuleSettings.Default);

        // Act
        var rateFindings = new RuleEngine(Rules()).Evaluate(context).Findings.Where(f => f.RuleId != "MissingRegistrationNumber").ToList();

        // Assert
        Assert.Equal(3, rateFindings.Count);
        Assert.Equal(rateFindings.Count, rateFindings.Select(f => f.Subject).Distinct().Count());
    }

    [Fact]
    public void Evaluate_AgingExportsAlone_EveryTaxRuleSkippedForMissingData()
    {
        // Arrange: what an aging export brings — payers and invoices, no meta, no projects.
        var ledger = new TestLedger().Payer("P1", Province.ON)
            .Invoice("A1", "P1", null, 1000m, with: i => i.Taxed() with { Origin = InvoiceOrigin.AgingDetail, TaxProvince = null, RegistrationNumbers = null });
        var context = new RuleContext(ledger.Snapshot([LedgerSheets.Payers, LedgerSheets.Invoices]), TestLedger.AsOf, RuleSettings.Default);

        // Act
        var evaluation = new RuleEngine(Rules()).Evaluate(context);

        // Assert
        Assert.Empty(evaluation.Findings);
        Assert.Equal(TaxRuleIds, evaluation.Skipped.Select(s => s.RuleId).Order(StringComparer.Ordinal));
        Assert.All(evaluation.Skipped, s => Assert.Equal(SkipReason.MissingData, s.Reason));
        Assert.All(evaluation.Skipped, s => Assert.Contains(LedgerSheets.Meta, s.MissingSheets));
        Assert.Contains(LedgerSheets.Projects, evaluation.Skipped.Single(s => s.RuleId == "TaxProvinceMismatch").MissingSheets);
    }

    [Fact]
    public void Evaluate_WorkbookCombinedWithAgingRows_OnlyWorkbookInvoicesChecked()
    {
        // Arrange: the aging row has no components at all; the workbook invoice has Quebec tax on an Ontario site.
        var ledger = new TestLedger().Payer("P1", Province.QC).Project("PRJ", "P1", Province.ON)
            .Invoice("F1", "P1", "PRJ", 1000m, with: i => i.Taxed(gst: 50.00m, qst: 99.75m) with { RegistrationNumbers = null })
            .Invoice("A1", "P1", "PRJ", 5000m, with: i => i.Taxed() with { Origin = InvoiceOrigin.AgingSummary, RegistrationNumbers = null });

        // Act
        var findings = new RuleEngine(Rules()).Evaluate(ledger.Context()).Findings;

        // Assert
        Assert.All(findings, f => Assert.Equal("F1", f.Subject.Id));
        Assert.Equal(["MissingRegistrationNumber", "TaxProvinceMismatch"], findings.Select(f => f.RuleId).Order(StringComparer.Ordinal));
    }
}
