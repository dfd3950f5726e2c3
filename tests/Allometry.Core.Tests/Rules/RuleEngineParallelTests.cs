namespace Allometry.Core.Tests.Rules;

using Allometry.Core.Ledger;
using Allometry.Core.Localization;
using Allometry.Core.Rules;
using Allometry.Core.Sample;

/// <summary>Rules run side by side on a large ledger give exactly what they give one after the other.</summary>
public sealed class RuleEngineParallelTests
{
    private static RuleContext SampleContext()
    {
        var sample = SampleOperatorGenerator.Generate();
        var settings = RuleSettings.Default with
        {
            GroupCreditLimits = sample.GroupCreditLimits,
            SellerPstRegistrations = sample.Meta.SellerPstRegistrations.ToHashSet(),
        };
        return new RuleContext(LedgerSnapshot.From(sample.ToBatch()), sample.Meta.AsOf, settings);
    }

    [Fact]
    public void Evaluate_InParallel_SameFindingsInTheSameOrderAsOneAfterTheOther()
    {
        // Arrange
        var rules = RuleCatalog.CreateEngine().Rules;
        var parallel = new RuleEngine(rules, parallelFromInvoices: 0);
        var sequential = new RuleEngine(rules, parallelFromInvoices: int.MaxValue);

        // Act
        var a = parallel.Evaluate(SampleContext());
        var b = sequential.Evaluate(SampleContext());

        // Assert
        Assert.NotEmpty(b.Findings);
        Assert.Equal(b.Findings.Select(f => (f.Fingerprint, f.AmountAtRisk, f.Severity)), a.Findings.Select(f => (f.Fingerprint, f.AmountAtRisk, f.Severity)));
        Assert.Equal(b.Skipped.Select(s => s.RuleId), a.Skipped.Select(s => s.RuleId));
    }

    private sealed class FailingRule : IRule
    {
        public string Id => "Failing";
        public int Version => 1;
        public IReadOnlyList<string> RequiredSheets => [];
        public IEnumerable<Finding> Evaluate(RuleContext context) => throw new InvalidOperationException("rule broke");
    }

    private sealed class OneFindingRule : IRule
    {
        public string Id => "One";
        public int Version => 1;
        public IReadOnlyList<string> RequiredSheets => [];
        public IEnumerable<Finding> Evaluate(RuleContext context) =>
        [
            new Finding
            {
                RuleId = Id, RuleVersion = 1, Severity = Severity.Low, Subject = new FindingSubject(SubjectKind.Payer, "P"), AmountAtRisk = 1m,
                Title = new LocalizedText("t", "t"), Detail = new LocalizedText("d", "d"), SuggestedAction = new LocalizedText("a", "a"),
            },
        ];
    }

    [Fact]
    public void Evaluate_ARuleFailsInParallel_ThrowsItsOwnException()
    {
        // Arrange
        var engine = new RuleEngine([new OneFindingRule(), new FailingRule()], parallelFromInvoices: 0);

        // Act
        var ex = Assert.Throws<InvalidOperationException>(() => engine.Evaluate(new TestLedger().Context()));

        // Assert
        Assert.Equal("rule broke", ex.Message);
    }
}
