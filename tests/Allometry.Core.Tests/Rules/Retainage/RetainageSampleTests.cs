namespace Allometry.Core.Tests.Rules.Retainage;

using Allometry.Core.Ledger;
using Allometry.Core.Rules;
using Allometry.Core.Rules.Retainage;
using Allometry.Core.Sample;

/// <summary>The retainage rules against the sample operator: every planted case found exactly, nothing else alarming.</summary>
public sealed class RetainageSampleTests
{
    private static readonly IRule[] Rules =
    [
        new HoldbackReleaseDueRule(), new RetenueReleaseDueRule(), new HypothecDeadlineRule(),
        new RetainageNeverInvoicedRule(), new RetainageAgedMisclassifiedRule(), new PromptPaymentBreachRule(),
    ];

    public static TheoryData<int> Seeds => [SampleOperatorGenerator.DefaultSeed, 3, 99, 31337];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Evaluate_Sample_FindsEveryPlantedCaseWithItsSubjectAmountAndSeverity(int seed)
    {
        // Arrange
        var (sample, findings) = Run(seed);
        var planted = Planted(sample);

        // Act
        var missing = planted
            .Where(c => !findings.Any(f => f.RuleId == c.RuleId && f.Subject == c.Subject && f.AmountAtRisk == c.AmountAtRisk && f.Severity == c.Severity))
            .Select(c => $"{c.RuleId} {c.Subject} {c.AmountAtRisk} {c.Severity}; found: " +
                string.Join(", ", findings.Where(f => f.RuleId == c.RuleId).Select(f => $"{f.Subject} {f.AmountAtRisk} {f.Severity}")))
            .ToList();

        // Assert
        Assert.Equal(Rules.Select(r => r.Id).Order(), planted.Select(c => c.RuleId).Distinct().Order());
        Assert.True(missing.Count == 0, string.Join(Environment.NewLine, missing));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Evaluate_Sample_RaisesNoHighOrCriticalFindingBeyondThePlantedCases(int seed)
    {
        // Arrange
        var (sample, findings) = Run(seed);
        var allowed = sample.PlantedCases
            .SelectMany(c => c.AlsoMayTrigger.Append(c.RuleId).Select(rule => (Rule: rule, Rows: RowsOf(sample, c))))
            .ToList();

        // Act
        var unexpected = findings
            .Where(f => f.Severity >= Severity.High)
            .Where(f => !allowed.Any(a => a.Rule == f.RuleId && (a.Rows.Contains(f.Subject.Id) || (f.ProjectId is { } p && a.Rows.Contains(p)))))
            .Select(f => $"{f.RuleId} {f.Subject} {f.AmountAtRisk}: {f.Detail.En}")
            .ToList();

        // Assert
        Assert.True(unexpected.Count == 0, string.Join(Environment.NewLine, unexpected));
    }

    [Fact]
    public void Evaluate_ReferenceSample_RaisesOneFindingPerPlantedCase()
    {
        // Arrange
        var (sample, findings) = Run(SampleOperatorGenerator.DefaultSeed);

        // Act
        var found = findings.Select(f => $"{f.RuleId} {f.Subject}").Order().ToList();

        // Assert
        Assert.Equal(Planted(sample).Select(c => $"{c.RuleId} {c.Subject}").Order(), found);
    }

    private static (SampleLedger Sample, List<Finding> Findings) Run(int seed)
    {
        var sample = SampleOperatorGenerator.Generate(seed);
        var context = new RuleContext(LedgerSnapshot.From(sample.ToBatch()), sample.Meta.AsOf, RuleSettings.Default);
        return (sample, [.. Rules.SelectMany(r => r.Evaluate(context))]);
    }

    private static List<PlantedCase> Planted(SampleLedger sample) =>
        [.. sample.PlantedCases.Where(c => Rules.Any(r => r.Id == c.RuleId))];

    /// <summary>The case's subject, evidence rows and the projects they belong to.</summary>
    private static HashSet<string> RowsOf(SampleLedger sample, PlantedCase c)
    {
        var rows = c.Evidence.Append(c.SubjectId).ToHashSet(StringComparer.Ordinal);
        rows.UnionWith(sample.Invoices.Where(i => rows.Contains(i.InvoiceId) && i.ProjectId is not null).Select(i => i.ProjectId!).ToList());
        return rows;
    }
}
