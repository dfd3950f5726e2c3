namespace Allometry.Core.Tests.Rules.Collections;

using Allometry.Core.Ledger;
using Allometry.Core.Rules;
using Allometry.Core.Rules.Collections;
using Allometry.Core.Sample;

/// <summary>The collections rules on the generated operator: every planted case found exactly, nothing else urgent.</summary>
public sealed class CollectionsSampleTests
{
    private static readonly IRule[] Rules =
    [
        new PayerChangeExposureRule(), new LinkedGroupOverLimitRule(), new BrokenPromiseRule(), new ShortPayUnresolvedRule(),
        new UnappliedCashRule(), new OverdueInvoiceRule(), new AgingConcentrationRule(),
    ];

    private static readonly HashSet<string> RuleIds = [.. Rules.Select(r => r.Id)];

    public static TheoryData<int> Seeds => [SampleOperatorGenerator.DefaultSeed, 3, 99, 31337];

    private static IReadOnlyList<Finding> Run(SampleLedger sample, RuleSettings settings) =>
        new RuleEngine(Rules).Evaluate(new RuleContext(LedgerSnapshot.From(sample.ToBatch()), sample.Meta.AsOf, settings)).Findings;

    private static RuleSettings WithGroupLimits(SampleLedger sample) => new() { GroupCreditLimits = sample.GroupCreditLimits };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Evaluate_Sample_FindsEveryPlantedCaseWithItsSubjectAndAmount(int seed)
    {
        // Arrange
        var sample = SampleOperatorGenerator.Generate(seed);
        var planted = sample.PlantedCases.Where(c => RuleIds.Contains(c.RuleId)).ToList();

        // Act
        var findings = Run(sample, WithGroupLimits(sample));

        // Assert
        Assert.Equal(RuleIds.Order(), planted.Select(c => c.RuleId).Distinct().Order());
        Assert.All(planted, c =>
        {
            var found = findings.Where(f => f.RuleId == c.RuleId && f.Subject == c.Subject).ToList();
            Assert.True(found.Count == 1, $"{c.RuleId} {c.Subject}: {found.Count} findings");
            Assert.Equal(c.AmountAtRisk, found[0].AmountAtRisk);
        });
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Evaluate_Sample_RaisesNoOtherHighOrCriticalFinding(int seed)
    {
        // Arrange
        var sample = SampleOperatorGenerator.Generate(seed);
        var planted = sample.PlantedCases;

        // Act
        var findings = Run(sample, WithGroupLimits(sample));

        // Assert
        var unexpected = findings
            .Where(f => f.Severity >= Severity.High)
            .Where(f => !planted.Any(c => c.RuleId == f.RuleId && c.Subject == f.Subject))
            .Where(f => !planted.Any(c => c.AlsoMayTrigger.Contains(f.RuleId) && Concerns(sample, c, f)))
            .Select(f => $"{f.RuleId} {f.Subject} {f.Severity} {f.AmountAtRisk}")
            .ToList();
        Assert.True(unexpected.Count == 0, string.Join("; ", unexpected));
    }

    [Fact]
    public void Evaluate_SampleWithoutConfiguredGroupLimits_SameGroupFindingFromTheMembersLimits()
    {
        // Arrange
        var sample = SampleOperatorGenerator.Generate();
        var planted = Assert.Single(sample.PlantedCases, c => c.RuleId == "LinkedGroupOverLimit");

        // Act
        var findings = Run(sample, RuleSettings.Default).Where(f => f.RuleId == "LinkedGroupOverLimit").ToList();

        // Assert
        var finding = Assert.Single(findings);
        Assert.Equal(planted.Subject, finding.Subject);
        Assert.Equal(planted.AmountAtRisk, finding.AmountAtRisk);
    }

    [Fact]
    public void Evaluate_SampleHandoff_FollowUpRoutedToTheDeveloper()
    {
        // Arrange
        var sample = SampleOperatorGenerator.Generate();
        var planted = Assert.Single(sample.PlantedCases, c => c.RuleId == "PayerChangeExposure");
        var project = sample.Projects.Single(p => p.ProjectId == planted.SubjectId);

        // Act
        var finding = Run(sample, RuleSettings.Default).Single(f => f.RuleId == "PayerChangeExposure" && f.Subject == planted.Subject);

        // Assert
        Assert.Equal(project.CurrentPayerId, finding.PayerId);
        Assert.All(planted.Evidence, id => Assert.Contains(finding.Evidence, e => e.RowId == id));
    }

    /// <summary>A finding is about a planted case when its subject or project is one of the case's rows.</summary>
    private static bool Concerns(SampleLedger sample, PlantedCase c, Finding f)
    {
        var rows = new HashSet<string>(c.Evidence.Append(c.SubjectId), StringComparer.Ordinal);
        rows.UnionWith(sample.Invoices.Where(i => rows.Contains(i.InvoiceId) && i.ProjectId is not null).Select(i => i.ProjectId!));
        return rows.Contains(f.Subject.Id) || (f.ProjectId is { } project && rows.Contains(project));
    }
}
