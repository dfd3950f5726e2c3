namespace Allometry.Core.Rules;

/// <summary>
/// One exception rule of the catalogue (domain.md §4): pure — a ledger snapshot, an as-of date
/// and the tenant's settings in, findings out. No I/O, no clock.
/// </summary>
public interface IRule
{
    /// <summary>The catalogue name, e.g. <c>DepositGateUnpaid</c>; stable forever.</summary>
    string Id { get; }

    /// <summary>Bumped whenever the rule's logic or defaults change; recorded on every finding.</summary>
    int Version { get; }

    /// <summary>Sheets without which the rule cannot run (the diagnostic report names them).</summary>
    IReadOnlyList<string> RequiredSheets { get; }

    IEnumerable<Finding> Evaluate(RuleContext context);
}
