namespace Allometry.Core.Exceptions;

using Allometry.Core.Localization;

/// <summary>The facts of one evaluation the lifecycle decides with.</summary>
/// <param name="AsOf">The ledger's as-of date: first/last seen, closure dates.</param>
/// <param name="Today">The calendar day the evaluation runs (from a <see cref="TimeProvider"/>): snoozes end on it.</param>
/// <param name="RulesRun">Rules that ran: an open exception of one of them with no finding has cleared.</param>
/// <param name="RulesDisabled">Rules switched off for the tenant: their open exceptions close.</param>
/// <param name="ExplainClosure">
/// A rule's own closure reason for an exception (see <see cref="IExplainsClosure"/>); null, or a
/// null answer, gives the generic one. Exceptions of rules that neither ran nor were switched off
/// (their data is missing) are left alone: nothing is known about them.
/// </param>
/// <param name="SnoozeConditionMet">
/// Why a snoozed exception's condition ("until payment received"…) is met, or null while it is
/// not (see <see cref="SnoozeConditions"/>); null: conditions are not checked.
/// </param>
public sealed record LifecycleContext(
    DateOnly AsOf,
    DateOnly Today,
    IReadOnlySet<string> RulesRun,
    IReadOnlySet<string> RulesDisabled,
    Func<ExceptionState, LocalizedText?>? ExplainClosure = null,
    Func<ExceptionState, LocalizedText?>? SnoozeConditionMet = null);
