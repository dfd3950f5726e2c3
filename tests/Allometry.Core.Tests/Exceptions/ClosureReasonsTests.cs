namespace Allometry.Core.Tests.Exceptions;

using Allometry.Core.Exceptions;
using Allometry.Core.Ledger;
using Allometry.Core.Localization;
using Allometry.Core.Rules;
using static LifecycleFixtures;

public sealed class ClosureReasonsTests
{
    [Fact]
    public void FromRules_RuleExplainsClosure_AsksItWithTheSubjectAndContext()
    {
        var context = new RuleContext(EmptyLedger(), AsOf, RuleSettings.Default);
        var explain = ClosureReasons.FromRules([new ExplainingRule(), new SilentRule()], context);

        var reason = explain(Stored(Finding("PR-9", rule: ExplainingRule.RuleId)));
        var none = explain(Stored(Finding("PR-9", rule: SilentRule.RuleId)));

        Assert.Equal(new LocalizedText("deposit received 2026-11-20 on PR-9", "dépôt reçu le 2026-11-20 sur PR-9"), reason);
        Assert.Null(none);
    }

    [Fact]
    public void Cleared_AnyDate_IsIsoInBothLanguages()
    {
        var text = ClosureReasons.Cleared(new DateOnly(2027, 1, 5));

        Assert.Equal(("condition cleared as of 2027-01-05", "condition levée au 2027-01-05"), (text.En, text.Fr));
    }

    private static LedgerSnapshot EmptyLedger() =>
        new(new LedgerMeta { AsOf = AsOf }, new HashSet<string>(), [], [], [], [], [], [], [], [], [], [], [], []);

    private sealed class ExplainingRule : IRule, IExplainsClosure
    {
        public const string RuleId = "Explaining";
        public string Id => RuleId;
        public int Version => 1;
        public IReadOnlyList<string> RequiredSheets => [];
        public IEnumerable<Finding> Evaluate(RuleContext context) => [];

        public LocalizedText? ClosureReason(FindingSubject subject, RuleContext context) =>
            new($"deposit received {context.AsOf:yyyy-MM-dd} on {subject.Id}", $"dépôt reçu le {context.AsOf:yyyy-MM-dd} sur {subject.Id}");
    }

    private sealed class SilentRule : IRule
    {
        public const string RuleId = "Silent";
        public string Id => RuleId;
        public int Version => 1;
        public IReadOnlyList<string> RequiredSheets => [];
        public IEnumerable<Finding> Evaluate(RuleContext context) => [];
    }
}
