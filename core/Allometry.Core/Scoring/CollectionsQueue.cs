namespace Allometry.Core.Scoring;

using Allometry.Core.Entities;
using Allometry.Core.Ledger;
using Allometry.Core.Rules;

/// <summary>
/// The risk-scored collections queue (domain.md §3): the payers a person must act on, ordered by
/// score × ln(1 + overdue $), with disputed money in its own lane.
/// </summary>
/// <remarks>
/// <para>
/// One item per payer, not per exception: a collector calls a payer, the score is a property of
/// the payer, and a payer with twelve overdue invoices is one call, not twelve cards. Each item
/// carries the payer's exceptions (findings of severity Low and up; Info findings are reports,
/// not actions), so every exception is shown with its payer's score and factor breakdown.
/// </para>
/// <para>
/// Invoices belong to the payer the rule engine routes their follow-up to (after a handoff, the
/// entity that now holds the liability), the same attribution the score uses.
/// </para>
/// <para>
/// Collect lane: a payer is listed when it has overdue money outside disputes or at least one
/// exception outside disputes. Amount = Σ balances of its open invoices past due (a residual that
/// is only the recorded holdback is not yet due and does not count), disputed invoices excluded.
/// A payer with exceptions but nothing overdue (a deposit gate before delivery, a tax mis-code)
/// has priority 0 and sorts below every payer with money overdue, by score.
/// </para>
/// <para>
/// Disputes lane: every payer with an <see cref="OpenDispute"/> opened on or before the as-of
/// date. Amount = the open balance of the disputed invoices (all open invoices when the whole
/// account is disputed), whether due or not: a dispute holds the money up either way. The
/// payer's exceptions on disputed invoices (all of them for a disputed account) move with it.
/// </para>
/// <para>
/// Both lanes order by priority, then score, then amount (all descending), then payer id
/// (ordinal), so equal inputs always give the same order.
/// </para>
/// </remarks>
public sealed class CollectionsQueue
{
    private CollectionsQueue(DateOnly asOf, string weightsVersion, IReadOnlyList<CollectionsQueueItem> items,
        IReadOnlyList<CollectionsQueueItem> disputes, IReadOnlyList<Finding> unassigned, RiskScoreBoard scores)
    {
        AsOf = asOf;
        WeightsVersion = weightsVersion;
        Items = items;
        Disputes = disputes;
        Unassigned = unassigned;
        Scores = scores;
    }

    public DateOnly AsOf { get; }

    /// <summary>The <see cref="ScoreWeights.Version"/> every score of the queue was computed with.</summary>
    public string WeightsVersion { get; }

    /// <summary>The collect lane, highest priority first.</summary>
    public IReadOnlyList<CollectionsQueueItem> Items { get; }

    /// <summary>The disputes lane, highest priority first.</summary>
    public IReadOnlyList<CollectionsQueueItem> Disputes { get; }

    /// <summary>Exceptions (Low and up) that name no payer, so no queue item can carry them.</summary>
    public IReadOnlyList<Finding> Unassigned { get; }

    /// <summary>Every payer's score, including payers with nothing to act on.</summary>
    public RiskScoreBoard Scores { get; }

    /// <summary>Builds the queue of <paramref name="snapshot"/> on <paramref name="asOf"/>.</summary>
    /// <param name="snapshot">The tenant's ledger.</param>
    /// <param name="evaluation">The rule engine's evaluation of that ledger on <paramref name="asOf"/>.</param>
    /// <param name="asOf">The day the queue is for.</param>
    /// <param name="settings">Weights and the tenant's rule settings.</param>
    /// <param name="disputes">Open disputes from the exception lifecycle; none when null.</param>
    /// <param name="reroutes">People's re-routes: a re-routed exception and its invoices' money go to the new payer's item, score and amount; none when null.</param>
    /// <exception cref="ArgumentException">The evaluation is for another day.</exception>
    public static CollectionsQueue Build(LedgerSnapshot snapshot, RuleEvaluation evaluation, DateOnly asOf, ScoringSettings settings,
        IReadOnlyCollection<OpenDispute>? disputes = null, Reroutes? reroutes = null)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        reroutes ??= Reroutes.None;
        evaluation = reroutes.Apply(evaluation);
        var open = (disputes ?? []).Where(d => d.OpenedOn <= asOf).ToList();
        var holders = new ReceivableHolders(snapshot, evaluation, reroutes);
        var scores = RiskScorer.ScoreWith(snapshot, evaluation, asOf, settings, open, holders);
        var wholeAccount = open.Where(d => d.InvoiceId is null).Select(d => d.PayerId).ToHashSet(StringComparer.Ordinal);
        var disputedInvoices = open.Select(d => d.InvoiceId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        bool IsDisputed(string payerId, string invoiceId) => wholeAccount.Contains(payerId) || disputedInvoices.Contains(invoiceId);

        var unassigned = new List<Finding>();
        var findings = new Dictionary<(string PayerId, QueueLane Lane), List<Finding>>();
        foreach (var finding in evaluation.Findings.Where(f => f.Severity > Severity.Info))
        {
            if (FindingPayers.Of(finding, snapshot) is not { } payerId)
            {
                unassigned.Add(finding);
                continue;
            }
            var disputed = wholeAccount.Contains(payerId)
                || (finding.Subject.Kind == SubjectKind.Invoice && disputedInvoices.Contains(finding.Subject.Id));
            var key = (payerId, disputed ? QueueLane.Disputes : QueueLane.Collect);
            if (!findings.TryGetValue(key, out var list)) findings[key] = list = [];
            list.Add(finding);
        }

        var collect = new List<CollectionsQueueItem>();
        var disputeLane = new List<CollectionsQueueItem>();
        foreach (var score in scores.All)
        {
            var payerId = score.PayerId;
            var invoices = holders.InvoicesOf(payerId).ToList();
            var overdue = invoices.Where(i => Receivables.IsOverdue(i, asOf, settings.Rules) && !IsDisputed(payerId, i.InvoiceId)).ToList();
            var mine = findings.GetValueOrDefault((payerId, QueueLane.Collect)) ?? [];
            if (overdue.Count > 0 || mine.Count > 0)
            {
                collect.Add(Item(snapshot, score, QueueLane.Collect, overdue, mine));
            }
            if (open.Any(d => string.Equals(d.PayerId, payerId, StringComparison.Ordinal)))
            {
                var held = invoices.Where(i => Receivables.IsOpen(i) && IsDisputed(payerId, i.InvoiceId)).ToList();
                disputeLane.Add(Item(snapshot, score, QueueLane.Disputes, held, findings.GetValueOrDefault((payerId, QueueLane.Disputes)) ?? []));
            }
        }
        return new CollectionsQueue(asOf, settings.Weights.Version, Ranked(collect), Ranked(disputeLane),
            [.. unassigned.OrderBy(f => f.Fingerprint, StringComparer.Ordinal)], scores);
    }

    /// <summary>score × ln(1 + amount), rounded to four decimals (half away from zero); 0 when nothing is owed.</summary>
    public static decimal PriorityOf(decimal score, decimal amount) =>
        amount <= 0m || score <= 0m
            ? 0m
            : decimal.Round((decimal)((double)score * Math.Log(1d + (double)amount)), 4, MidpointRounding.AwayFromZero);

    private static CollectionsQueueItem Item(LedgerSnapshot snapshot, RiskScore score, QueueLane lane, IReadOnlyList<Invoice> invoices, IReadOnlyList<Finding> findings)
    {
        var amount = invoices.Sum(i => i.Balance);
        return new CollectionsQueueItem
        {
            Rank = 0,
            Lane = lane,
            PayerId = score.PayerId,
            PayerName = snapshot.Payer(score.PayerId)?.Name ?? score.PayerId,
            Risk = score,
            Amount = amount,
            Priority = PriorityOf(score.Score, amount),
            InvoiceIds = [.. invoices.OrderBy(i => i.DueDate).ThenBy(i => i.InvoiceId, StringComparer.Ordinal).Select(i => i.InvoiceId)],
            Findings =
            [
                .. findings.OrderByDescending(f => f.Severity).ThenByDescending(f => f.AmountAtRisk)
                    .ThenBy(f => f.Fingerprint, StringComparer.Ordinal),
            ],
        };
    }

    private static IReadOnlyList<CollectionsQueueItem> Ranked(IEnumerable<CollectionsQueueItem> items) =>
    [
        .. items.OrderByDescending(i => i.Priority).ThenByDescending(i => i.Risk.Score).ThenByDescending(i => i.Amount)
            .ThenBy(i => i.PayerId, StringComparer.Ordinal)
            .Select((item, index) => item with { Rank = index + 1 }),
    ];
}
