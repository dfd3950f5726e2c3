namespace Allometry.Core.Rules;

using Allometry.Core.Entities;
using Allometry.Core.Ledger;

/// <summary>Everything a rule may look at.</summary>
/// <param name="Ledger">The tenant's ledger, indexed.</param>
/// <param name="AsOf">The date the evaluation is for (the ledger's as-of, or a replayed day).</param>
/// <param name="Settings">The tenant's thresholds and switches.</param>
public sealed record RuleContext(LedgerSnapshot Ledger, DateOnly AsOf, RuleSettings Settings)
{
    /// <summary>People's re-routes of open exceptions: whose receivable an invoice now is (group exposure counts it there).</summary>
    /// <value>None by default.</value>
    public Reroutes Reroutes { get; init; } = Reroutes.None;
}
