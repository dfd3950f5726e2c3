namespace Allometry.Core.Scoring;

using Allometry.Core.Aging;
using Allometry.Core.Ledger;
using Allometry.Core.Rules;

/// <summary>Which invoices count as money owed, and which of it is overdue, for the score and the queue.</summary>
internal static class Receivables
{
    /// <summary>An invoice with money still owed on it (not void, balance above zero).</summary>
    public static bool IsOpen(Invoice invoice) => invoice.Status != InvoiceStatus.Void && invoice.Balance > 0m;

    /// <summary>
    /// True when what is left on the invoice is the holdback recorded on it (before or after tax,
    /// within the tolerance): a net-of-holdback receipt, not yet due, that domain.md §2 says must
    /// not distort delinquency. The retainage rules own it.
    /// </summary>
    public static bool IsHoldbackResidual(Invoice invoice, decimal tolerance)
    {
        if (invoice.RetainageHeld <= 0m) return false;
        var taxed = invoice.Subtotal == 0m ? invoice.RetainageHeld : invoice.RetainageHeld * invoice.Total / invoice.Subtotal;
        return Math.Abs(invoice.Balance - invoice.RetainageHeld) <= tolerance || Math.Abs(invoice.Balance - taxed) <= tolerance;
    }

    /// <summary>Open, not only holdback, and past its due date on <paramref name="asOf"/>.</summary>
    public static bool IsOverdue(Invoice invoice, DateOnly asOf, RuleSettings settings) =>
        IsOpen(invoice) && !IsHoldbackResidual(invoice, settings.RetainageTolerance) && AgingBuckets.DaysPastDue(asOf, invoice.DueDate) > 0;
}
