namespace Allometry.Core.Tests.Scoring;

using Allometry.Core.Localization;
using Allometry.Core.Rules;
using Allometry.Core.Scoring;
using Allometry.Core.Tests.Rules;

/// <summary>Inputs, findings and evaluations for scoring tests, with defaults that score nothing.</summary>
internal static class ScoringFixtures
{
    public static readonly DateOnly AsOf = TestLedger.AsOf;

    public static readonly ScoreWeights Weights = ScoreWeights.Current;

    /// <summary>A window in which <paramref name="amount"/> was paid <paramref name="daysLate"/> days late on average.</summary>
    public static LatenessWindow Window(int months, decimal daysLate, decimal amount = 1_000m, int applications = 1) =>
        new(months, AsOf.AddMonths(-months), AsOf, applications, amount, daysLate * amount);

    public static LatenessWindow Empty(int months) => new(months, AsOf.AddMonths(-months), AsOf, 0, 0m, 0m);

    /// <summary>A payer that pays on time, owes nothing, and has no flag: every factor 0.</summary>
    public static ScoreInputs Clean(string payerId = "P1") => new()
    {
        PayerId = payerId,
        AsOf = AsOf,
        History = Window(12, 0m),
        Recent = Window(3, 0m),
        CreditLimit = 100_000m,
    };

    public static RiskScore Score(ScoreInputs inputs, ScoreWeights? weights = null) => RiskScorer.Recompute(inputs, weights ?? Weights);

    public static decimal Points(ScoreInputs inputs, string factorId, ScoreWeights? weights = null) => Score(inputs, weights).Factor(factorId).Points;

    public static Finding Finding(string ruleId, string? payerId, SubjectKind kind = SubjectKind.Payer, string? subjectId = null,
        Severity severity = Severity.High, decimal amount = 100m) => new()
    {
        RuleId = ruleId,
        RuleVersion = 1,
        Severity = severity,
        Subject = new FindingSubject(kind, subjectId ?? payerId ?? "?"),
        AmountAtRisk = amount,
        PayerId = payerId,
        Title = new LocalizedText($"{ruleId} title", $"{ruleId} titre"),
        Detail = new LocalizedText($"{ruleId} detail", $"{ruleId} détail"),
        SuggestedAction = new LocalizedText("Act", "Agir"),
    };

    public static RuleEvaluation Evaluation(params Finding[] findings) => new(AsOf, findings, []);
}
