namespace Allometry.Core.Rules.Retainage;

using Allometry.Core.Ledger;

/// <summary>
/// Recognizes holdback left in an invoice's balance: the invoice was billed gross, the payer paid
/// it net of the holdback, and what remains is the holdback (domain.md §2: "net-of-holdback
/// receipts booked as short pays").
/// </summary>
/// <remarks>
/// The signature is a partly paid invoice whose balance equals the retainage recorded against
/// it, within <see cref="RuleSettings.RetainageTolerance"/>. An unpaid invoice is not read this
/// way: billed net (the usual case) its balance holds no retainage, and nothing in the row tells
/// a gross invoice apart.
/// </remarks>
internal static class NetOfHoldback
{
    /// <summary>The holdback inside <paramref name="invoice"/>'s balance, or 0 when the balance is not the holdback.</summary>
    public static decimal InBalance(Invoice invoice, decimal retainage, decimal tolerance) =>
        invoice.Balance > 0m && retainage > 0m && invoice.Balance < invoice.Total
        && Math.Abs(invoice.Balance - retainage) <= tolerance
            ? Math.Min(invoice.Balance, retainage)
            : 0m;

    /// <summary>The holdback inside the balance, reading the retainage recorded against the invoice from the ledger.</summary>
    public static decimal InBalance(LedgerSnapshot ledger, Invoice invoice, RuleSettings settings) =>
        InBalance(invoice, ProjectRetainage.OnInvoice(ledger, invoice), settings.RetainageTolerance);
}
