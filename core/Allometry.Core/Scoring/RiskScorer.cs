namespace Allometry.Core.Scoring;

using Allometry.Core.Entities;
using Allometry.Core.Ledger;
using Allometry.Core.Localization;
using Allometry.Core.Rules;

/// <summary>
/// The collections risk score of domain.md §3: 0–100 per payer, higher is riskier, the sum of
/// seven transparent factors. Pure: a ledger snapshot, the rule engine's evaluation, an as-of date
/// and settings in; scores out. No I/O, no clock.
/// </summary>
/// <remarks>
/// Scoring is two steps so a past score can be audited: <see cref="CollectInputs"/> reads the
/// ledger and the findings into <see cref="ScoreInputs"/>, and <see cref="Recompute"/> turns inputs
/// and <see cref="ScoreWeights"/> into a <see cref="RiskScore"/>. Store the inputs and the weights
/// version with the score, and <c>Recompute(inputs, ScoreWeights.ForVersion(version))</c> gives the
/// same score back on any later day.
/// <list type="table">
/// <item><term>F1 (25)</term><description>25 · min(1, DBT / 120); DBT = the most days beyond terms of the payer's open invoices. A residual that is only the holdback recorded on the invoice is not yet due and does not count.</description></item>
/// <item><term>F2 (20)</term><description>Amount-weighted average days late (max(0, received − due), weight = applied amount) of the applications to the payer's invoices received in the last 12 months, rounded to the day: ≤ 15 → 0, 16–45 → 7, 46–90 → 14, &gt; 90 → 20; no application → 10.</description></item>
/// <item><term>F3 (10)</term><description>10 · clamp((average of the last 3 months − 12-month average) / 30, 0, 1); 0 when either window is empty.</description></item>
/// <item><term>F4 (10)</term><description>5 per promise of the payer dated in the last 180 days (before the as-of) for which what came in from the day it was recorded to the promised date is short of the promise by more than the tenant's promise tolerance; capped at 10. A later payment does not mend a broken promise.</description></item>
/// <item><term>F5 (15)</term><description>15 · min(1, open AR / credit limit); without a limit, open AR / the P90 (nearest rank) of the positive open balances of all payers.</description></item>
/// <item><term>F6 (5)</term><description>2.5 when an invoice's residual after a payment (above the tenant's short-pay tolerance, not just the holdback) is older than the tenant's short-pay days + 2.5 when a dispute is open (<see cref="OpenDispute"/>).</description></item>
/// <item><term>F7 (15)</term><description>5 per flag raised by the payer's findings: PayerChangeExposure or LinkedGroupOverLimit; DepositGateUnpaid; HoldbackReleaseDue or RetenueReleaseDue; capped at 15.</description></item>
/// </list>
/// "The payer's invoices" are the receivables the rule engine routes to it: its own, or another
/// entity's whose liability moved to it (see <see cref="ScoreInputs.ReroutedInvoiceIds"/>).
/// Every factor's points are rounded to two decimals (half away from zero) and the score is their
/// exact sum. Tiers: &lt; 25 Low, 25–49.99 Watch, 50–74.99 High, ≥ 75 Critical.
/// </remarks>
public static partial class RiskScorer
{
    /// <summary>Rule ids whose findings raise each F7 flag.</summary>
    public static IReadOnlyDictionary<string, StructuralFlag> StructuralRules { get; } = new Dictionary<string, StructuralFlag>(StringComparer.Ordinal)
    {
        ["PayerChangeExposure"] = StructuralFlag.PayerChangeOrLinkedExposure,
        ["LinkedGroupOverLimit"] = StructuralFlag.PayerChangeOrLinkedExposure,
        ["DepositGateUnpaid"] = StructuralFlag.DepositGateBreached,
        ["HoldbackReleaseDue"] = StructuralFlag.RetainagePastRelease,
        ["RetenueReleaseDue"] = StructuralFlag.RetainagePastRelease,
    };

    /// <summary>Scores every payer of the ledger (and every payer its findings or disputes name).</summary>
    /// <param name="ledger">The tenant's ledger.</param>
    /// <param name="evaluation">The rule engine's evaluation of that ledger on <paramref name="asOf"/> (F7 reads its findings).</param>
    /// <param name="asOf">The day scored.</param>
    /// <param name="settings">Weights and the tenant's rule settings.</param>
    /// <param name="disputes">Open disputes from the exception lifecycle; none when null.</param>
    /// <param name="reroutes">People's re-routes: the money of a re-routed exception counts on its new payer (F1, F5, F7); none when null.</param>
    /// <exception cref="ArgumentException">The evaluation is for another day.</exception>
    public static RiskScoreBoard Score(LedgerSnapshot ledger, RuleEvaluation evaluation, DateOnly asOf, ScoringSettings settings,
        IReadOnlyCollection<OpenDispute>? disputes = null, Reroutes? reroutes = null)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        reroutes ??= Reroutes.None;
        evaluation = reroutes.Apply(evaluation);
        return ScoreWith(ledger, evaluation, asOf, settings, disputes ?? [], new ReceivableHolders(ledger, evaluation, reroutes));
    }

    /// <summary>Reads the inputs of every payer's score, ordered by payer id.</summary>
    /// <param name="ledger">The tenant's ledger.</param>
    /// <param name="evaluation">The rule engine's evaluation of that ledger on <paramref name="asOf"/>.</param>
    /// <param name="asOf">The day scored.</param>
    /// <param name="settings">Weights and the tenant's rule settings.</param>
    /// <param name="disputes">Open disputes from the exception lifecycle; none when null.</param>
    /// <exception cref="ArgumentException">The evaluation is for another day.</exception>
    public static IReadOnlyList<ScoreInputs> CollectInputs(LedgerSnapshot ledger, RuleEvaluation evaluation, DateOnly asOf, ScoringSettings settings,
        IReadOnlyCollection<OpenDispute>? disputes = null)
    {
        Check(ledger, evaluation, asOf, settings);
        return ScoreInputCollector.Collect(ledger, evaluation, asOf, settings, disputes ?? [], new ReceivableHolders(ledger, evaluation));
    }

    internal static RiskScoreBoard ScoreWith(LedgerSnapshot ledger, RuleEvaluation evaluation, DateOnly asOf, ScoringSettings settings,
        IReadOnlyCollection<OpenDispute> disputes, ReceivableHolders holders)
    {
        Check(ledger, evaluation, asOf, settings);
        var inputs = ScoreInputCollector.Collect(ledger, evaluation, asOf, settings, disputes, holders);
        return new RiskScoreBoard([.. inputs.Select(i => Recompute(i, settings.Weights))], ledger);
    }

    private static void Check(LedgerSnapshot ledger, RuleEvaluation evaluation, DateOnly asOf, ScoringSettings settings)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(settings);
        if (evaluation.AsOf != asOf)
        {
            throw new ArgumentException(
                $"The evaluation is as of {ScoringText.Iso(evaluation.AsOf)} but the score was asked for {ScoringText.Iso(asOf)}.", nameof(evaluation));
        }
        settings.Weights.Validate();
    }

    /// <summary>
    /// The score of stored inputs under <paramref name="weights"/>: a pure function of its two
    /// arguments, so an auditor gets back exactly the score that was shown.
    /// </summary>
    /// <exception cref="InvalidOperationException">The weights are inconsistent (<see cref="ScoreWeights.Validate"/>).</exception>
    public static RiskScore Recompute(ScoreInputs inputs, ScoreWeights weights)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(weights);
        weights.Validate();
        RiskFactor[] factors =
        [
            OldestBeyondTerms(inputs, weights),
            PaymentHistory(inputs, weights),
            Trend(inputs, weights),
            BrokenPromises(inputs, weights),
            Exposure(inputs, weights),
            ShortPayOrDispute(inputs, weights),
            Structural(inputs, weights),
        ];
        var score = factors.Sum(f => f.Points);
        var tier = TierOf(score, weights);
        return new RiskScore
        {
            PayerId = inputs.PayerId,
            AsOf = inputs.AsOf,
            Score = score,
            Tier = tier,
            WeightsVersion = weights.Version,
            Factors = factors,
            Inputs = inputs,
            Summary = Summarize(score, tier, factors),
        };
    }

    /// <summary>The tier of <paramref name="score"/>: below <see cref="ScoreWeights.WatchFrom"/> Low, and so on up.</summary>
    public static RiskTier TierOf(decimal score, ScoreWeights weights) =>
        score >= weights.CriticalFrom ? RiskTier.Critical
        : score >= weights.HighFrom ? RiskTier.High
        : score >= weights.WatchFrom ? RiskTier.Watch
        : RiskTier.Low;

    private static LocalizedText Summarize(decimal score, RiskTier tier, IReadOnlyList<RiskFactor> factors)
    {
        var (s, t) = (ScoringText.Points(score), ScoringText.Tier(tier));
        var carrying = factors.Where(f => f.Points > 0m).OrderByDescending(f => f.Points).ThenBy(f => f.Id, StringComparer.Ordinal).ToList();
        if (carrying.Count == 0)
        {
            return new($"Risk {s.En}/100 ({t.En}): no risk factor.", $"Risque {s.Fr}/100 ({t.Fr}) : aucun facteur de risque.");
        }
        var parts = ScoringText.Join(carrying.Select(f =>
        {
            var p = ScoringText.Points(f.Points);
            return new LocalizedText($"{f.Id} {f.Name.En.ToLowerInvariant()} {p.En}", $"{f.Id} {f.Name.Fr.ToLowerInvariant()} {p.Fr}");
        }), ", ");
        return new($"Risk {s.En}/100 ({t.En}): {parts.En}.", $"Risque {s.Fr}/100 ({t.Fr}) : {parts.Fr}.");
    }
}
