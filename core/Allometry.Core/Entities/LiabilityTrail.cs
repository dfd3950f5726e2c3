namespace Allometry.Core.Entities;

using Allometry.Core.Ledger;

/// <summary>
/// Where a payer's liability sits on a date, and how it got there: the successor and handoff
/// links followed from <see cref="PayerId"/> to <see cref="Holder"/>, oldest first.
/// </summary>
/// <param name="PayerId">The payer the walk started from (e.g. an invoice's bill-to).</param>
/// <param name="On">The date the walk was made for; links effective after it were not followed.</param>
/// <param name="Holder">The entity holding the liability on <see cref="On"/>.</param>
/// <param name="Transfers">The links followed, in order; empty when the liability never moved.</param>
public sealed record LiabilityTrail(string PayerId, DateOnly On, string Holder, IReadOnlyList<EntityLink> Transfers)
{
    /// <summary>True when the liability is no longer with <see cref="PayerId"/>.</summary>
    public bool Moved => !string.Equals(PayerId, Holder, StringComparison.Ordinal);
}
