namespace Allometry.Core.Exceptions;

using Allometry.Core.Rules;

/// <summary>
/// Reconciles an evaluation's findings with the stored exceptions of the same scope and plans
/// the changes. Pure: the store applies the plan.
/// </summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>Stored</term><description>With a finding / without one (its rule ran)</description></listheader>
/// <item><term>none</term><description>Opened (open, version 1) / —</description></item>
/// <item><term>open</term><description>Updated when the content changed, else nothing / Closed with a reason</description></item>
/// <item><term>snoozed</term><description>
/// SnoozeEnded (open) when its condition is met (<see cref="LifecycleContext.SnoozeConditionMet"/>) or once
/// <see cref="LifecycleContext.Today"/> reaches the snooze date;
/// Resurfaced (open) when it materially worsens — amount up 10 % or more, or severity up;
/// else Updated (still snoozed) when the content changed / Closed
/// </description></item>
/// <item><term>dismissed</term><description>Updated (still dismissed) when the content changed / Closed</description></item>
/// <item><term>closed</term><description>Reopened (open) / —</description></item>
/// </list>
/// Human state on a close and a reopen: a snooze ends when the exception closes (it was about a
/// condition that is gone, and must not silence its return); a dismissal is forgotten when the
/// condition returns (a new occurrence deserves a look). Escalation, re-routing, assignment and
/// notes are about the subject and survive both. An exception of a switched-off rule closes
/// ("rule … switched off"); one of a rule that could not run (missing data) is left alone.
/// An unchanged re-evaluation plans nothing: no version bump and no history.
/// </remarks>
public static class ExceptionLifecycle
{
    /// <summary>Amount growth, as a fraction of the old amount, that makes a snoozed exception resurface.</summary>
    public const decimal MaterialIncrease = 0.10m;

    /// <summary>Plans what <paramref name="findings"/> do to <paramref name="existing"/>.</summary>
    /// <param name="existing">The stored exceptions of the scope evaluated (every status), at most one per fingerprint.</param>
    /// <param name="findings">The scope's findings; for a repeated fingerprint the first wins (the engine sorts the worst first).</param>
    /// <param name="context">The evaluation's dates, rules and closure reasons.</param>
    public static ExceptionPlan Plan(IEnumerable<ExceptionState> existing, IEnumerable<Finding> findings, LifecycleContext context)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(context);

        var all = findings as IReadOnlyList<Finding> ?? [.. findings];
        var hashes = Hashes(all);
        var stored = existing.ToDictionary(e => e.Fingerprint, StringComparer.Ordinal);
        var found = new HashSet<string>(StringComparer.Ordinal);
        var changes = new List<ExceptionChange>();
        var seen = new List<long>();
        var unchanged = 0;
        var duplicates = 0;

        for (var i = 0; i < all.Count; i++)
        {
            var finding = all[i];
            var fingerprint = finding.Fingerprint;
            if (!found.Add(fingerprint))
            {
                duplicates++;
                continue;
            }
            var hash = hashes[i];
            if (!stored.TryGetValue(fingerprint, out var before))
            {
                changes.Add(new ExceptionChange { Kind = ExceptionChangeKind.Opened, Finding = finding, ContentHash = hash, Status = ExceptionStatus.Open });
                continue;
            }
            if (Found(before, finding, hash, context) is { } change)
            {
                changes.Add(change);
            }
            else
            {
                unchanged++;
                if (before.LastSeenOn < context.AsOf) seen.Add(before.ExceptionId);
            }
        }

        foreach (var before in stored.Values.OrderBy(e => e.ExceptionId))
        {
            if (found.Contains(before.Fingerprint) || before.Status == ExceptionStatus.Closed) continue;
            if (Missing(before, context) is { } change) changes.Add(change);
        }
        return new ExceptionPlan(changes, unchanged, seen, duplicates);
    }

    // Hashing is most of a whole-tenant plan (a JSON form and a SHA-256 per finding: ~40 ms for
    // 3,000 findings): from a few hundred findings it runs on every core. A project's few findings
    // are hashed in line.
    private static string[] Hashes(IReadOnlyList<Finding> findings) => findings.Count >= 256
        ? findings.AsParallel().AsOrdered().Select(FindingContent.Hash).ToArray()
        : [.. findings.Select(FindingContent.Hash)];

    /// <summary>True when a snoozed exception should come back: severity up, or the amount up by <see cref="MaterialIncrease"/> or more.</summary>
    public static bool MateriallyWorse(ExceptionState before, Finding finding) =>
        finding.Severity > before.Severity
        || (finding.AmountAtRisk > before.AmountAtRisk && finding.AmountAtRisk >= before.AmountAtRisk * (1 + MaterialIncrease));

    // The condition is (still) there.
    private static ExceptionChange? Found(ExceptionState before, Finding finding, string hash, LifecycleContext context)
    {
        var contentChanged = !string.Equals(before.ContentHash, hash, StringComparison.Ordinal);
        ExceptionChange With(ExceptionChangeKind kind, ExceptionStatus status) =>
            new() { Kind = kind, Before = before, Finding = finding, ContentHash = hash, Status = status };

        switch (before.Status)
        {
            case ExceptionStatus.Closed:
                return With(ExceptionChangeKind.Reopened, ExceptionStatus.Open) with { ClearsSnooze = true, ClearsDismissal = true };
            case ExceptionStatus.Snoozed when context.SnoozeConditionMet?.Invoke(before) is { } met:
                return With(ExceptionChangeKind.SnoozeEnded, ExceptionStatus.Open) with { ClearsSnooze = true, SnoozeEndReason = met };
            case ExceptionStatus.Snoozed when before.SnoozedUntil is { } until && until <= context.Today:
                return With(ExceptionChangeKind.SnoozeEnded, ExceptionStatus.Open) with { ClearsSnooze = true, SnoozeEndReason = SnoozeReasons.DateReached(until) };
            case ExceptionStatus.Snoozed when MateriallyWorse(before, finding):
                return With(ExceptionChangeKind.Resurfaced, ExceptionStatus.Open) with { ClearsSnooze = true, SnoozeEndReason = SnoozeReasons.Worsened(before, finding) };
            default:
                return contentChanged ? With(ExceptionChangeKind.Updated, before.Status) : null;
        }
    }

    // The condition is not found: closes when its rule ran or was switched off.
    private static ExceptionChange? Missing(ExceptionState before, LifecycleContext context)
    {
        var reason = context.RulesDisabled.Contains(before.RuleId)
            ? ClosureReasons.RuleDisabled(before.RuleId)
            : context.RulesRun.Contains(before.RuleId)
                ? context.ExplainClosure?.Invoke(before) ?? ClosureReasons.Cleared(context.AsOf)
                : null;
        return reason is null
            ? null
            : new ExceptionChange
            {
                Kind = ExceptionChangeKind.Closed, Before = before, Status = ExceptionStatus.Closed,
                ClosureReason = reason, ClearsSnooze = true,
            };
    }
}
