namespace Allometry.Core.Rules.Retainage;

using Allometry.Core.Ledger;

/// <summary>
/// Recognizes holdback left in an invoice's balance: the invoice was billed gross, the payer paid
/// it net of the holdback, and what remains is the holdback (domain.md §2: "net-of-holdback
/// receipts booked as short pays").
/// </summary>
/// <remarks>
/// The signature is a partly paid invoice whose balance equals the retainage recorded against
/// it — as recorded, or with the invoice's tax on top (retainage × total / subtotal), since
/// books record the holdback before tax while the payer withholds it with its tax — within
/// <see cref="RuleSettings.RetainageTolerance"/>. The same reading as the collections rules and
/// the risk score, which leave such residuals to the retainage rules. An unpaid invoice is not
/// read this way: billed net (the usual case) its balance holds no retainage, and nothing in
/// the row tells a gross invoice apart.
/// </remarks>
internal static class NetOfHoldback
{
    /// <summary>The holdback inside <paramref name="invoice"/>'s balance — the whole balance when it is the holdback, else 0.</summary>
    public static decimal InBalance(Invoice invoice, decimal retainage, decimal tolerance)
    {
        if (invoice.Balance <= 0m || retainage <= 0m || invoice.Balance >= invoice.Total) return 0m;
        var taxed = invoice.Subtotal == 0m
            ? retainage
            : decimal.Round(retainage * invoice.Total / invoice.Subtotal, 2, MidpointRounding.AwayFromZero);
        return Math.Abs(invoice.Balance - retainage) <= tolerance || Math.Abs(invoice.Balance - taxed) <= tolerance
            ? invoice.Balance
            : 0m;
    }

    /// <summary>The holdback inside the balance, reading the retainage recorded against the invoice from the ledger.</summary>
    public static decimal InBalance(LedgerSnapshot ledger, Invoice invoice, RuleSettings settings) =>
        InBalance(invoice, ProjectRetainage.OnInvoice(ledger, invoice), settings.RetainageTolerance);
}
