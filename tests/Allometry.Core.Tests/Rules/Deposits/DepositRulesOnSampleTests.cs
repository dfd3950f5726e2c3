namespace Allometry.Core.Tests.Rules.Deposits;

using Allometry.Core.Ledger;
using Allometry.Core.Rules;
using Allometry.Core.Rules.Deposits;
using Allometry.Core.Sample;

/// <summary>The folder's rules on the generated sample operator: every planted case found exactly, nothing else alarming.</summary>
public sealed class DepositRulesOnSampleTests
{
    private static readonly IRule[] Rules =
    [
        new DepositGateUnpaidRule(), new DepositNotInvoicedRule(), new UnappliedDepositRule(),
        new QuoteInvoiceVarianceRule(), new RenewalPrebillDueRule(),
    ];

    private static readonly HashSet<string> RuleIds = [.. Rules.Select(r => r.Id)];

    public static TheoryData<int> Seeds => [SampleOperatorGenerator.DefaultSeed, 3, 99, 31337];

    private static (SampleLedger Sample, IReadOnlyList<Finding> Findings) Run(int seed)
    {
        var sample = SampleOperatorGenerator.Generate(seed);
        var context = new RuleContext(LedgerSnapshot.From(sample.ToBatch()), sample.Meta.AsOf, RuleSettings.Default);
        return (sample, new RuleEngine(Rules).Evaluate(context).Findings);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Evaluate_Sample_FindsEveryPlantedCaseWithItsExactSubjectAndAmount(int seed)
    {
        // Arrange
        var (sample, findings) = Run(seed);
        var planted = sample.PlantedCases.Where(c => RuleIds.Contains(c.RuleId)).ToList();

        // Act
        var missed = planted
            .Where(c => !findings.Any(f => f.RuleId == c.RuleId && f.Subject == c.Subject && f.AmountAtRisk == c.AmountAtRisk && f.Severity == c.Severity))
            .Select(c => $"{c.RuleId} {c.Subject} {c.Severity} {c.AmountAtRisk} (found: " +
                string.Join("; ", findings.Where(f => f.RuleId == c.RuleId && f.Subject == c.Subject).Select(f => $"{f.Severity} {f.AmountAtRisk}")) + ")")
            .ToList();

        // Assert
        Assert.Equal(9, planted.Count);
        Assert.True(missed.Count == 0, "Missed: " + string.Join(" | ", missed));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Evaluate_Sample_RaisesNoOtherHighOrCritical(int seed)
    {
        // Arrange
        var (sample, findings) = Run(seed);
        var planted = sample.PlantedCases.Select(c => (c.RuleId, c.Subject)).ToHashSet();
        var tolerated = sample.PlantedCases
            .SelectMany(c => c.AlsoMayTrigger.SelectMany(rule => Related(sample, c).Select(id => (rule, id))))
            .ToHashSet();

        // Act
        var unexpected = findings
            .Where(f => f.Severity >= Severity.High && !planted.Contains((f.RuleId, f.Subject)))
            .Where(f => !tolerated.Contains((f.RuleId, f.Subject.Id)))
            .Select(f => $"{f.RuleId} {f.Subject} {f.Severity} {f.AmountAtRisk}: {f.Detail.En}")
            .ToList();

        // Assert
        Assert.True(unexpected.Count == 0, "Unexpected: " + string.Join(" | ", unexpected));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Evaluate_Sample_EveryFindingIsBilingualWithEvidence(int seed)
    {
        // Act
        var (_, findings) = Run(seed);

        // Assert
        Assert.NotEmpty(findings);
        Assert.All(findings, FindingAssert.IsBilingualWithEvidence);
    }

    [Fact]
    public void RuleCatalog_DiscoversEveryRuleOfTheFolder()
    {
        // Act
        var found = RuleIds.Select(RuleCatalog.Find).ToList();

        // Assert
        Assert.All(found, Assert.NotNull);
        Assert.All(Rules, r => Assert.Equal(1, r.Version));
    }

    /// <summary>The subject, evidence rows and projects of a planted case: where its AlsoMayTrigger rules may fire.</summary>
    private static IEnumerable<string> Related(SampleLedger sample, PlantedCase planted)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal) { planted.SubjectId };
        ids.UnionWith(planted.Evidence);
        ids.UnionWith(sample.Invoices.Where(i => ids.Contains(i.InvoiceId) && i.ProjectId is not null).Select(i => i.ProjectId!).ToList());
        return ids;
    }
}
