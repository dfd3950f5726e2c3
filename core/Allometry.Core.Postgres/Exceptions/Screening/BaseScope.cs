namespace Allometry.Core.Postgres.Exceptions.Screening;

/// <summary>
/// The rules the base scope of a screened read covers without a screen of their own: each can
/// only report on something the base scope always reads whole.
/// </summary>
/// <remarks>
/// The base scope (LedgerSnapshotStore.BaseScope.cs, on its own connection beside the screens)
/// reads every open invoice (balance ≠ 0, not void) and every invoice a live exception names,
/// each with its project row and everything paid to it, every promise with its invoice and its
/// payer's payments, every payment with an unapplied rest, every aging line, every payer and link. A rule outside this list and without a screen is not
/// trusted to the screens: the loader then reads every project (slow, never wrong).
/// </remarks>
public static class BaseScope
{
    /// <summary>The rule ids, each with why the base scope is enough.</summary>
    public static IReadOnlySet<string> Covers { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "OverdueInvoice",             // an invoice with a balance > 0
        "ShortPayUnresolved",         // an invoice with a balance > the tolerance
        "UnappliedDeposit",           // a credit is claimed only against an invoice with a balance > 0 in its project
        "AgingConcentration",         // open balances only, all of them read
        "LinkedGroupOverLimit",       // open balances only, all of them read
        "UnappliedCash",              // unapplied payments and credit balances, all read, against open invoices
        "BrokenPromise",              // promises, all read, with their invoices and their payers' payments
        "SuspectedRetainage",         // aging lines, all read
    };
}
