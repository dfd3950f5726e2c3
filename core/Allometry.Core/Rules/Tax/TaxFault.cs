namespace Allometry.Core.Rules.Tax;

/// <summary>What is wrong with an invoice's tax: exactly one verdict per invoice.</summary>
internal enum TaxFault
{
    /// <summary>Every component within tolerance of what the place of supply calls for.</summary>
    None,
    /// <summary>QST computed on subtotal + GST; everything else right (QstBaseError).</summary>
    QstOnGst,
    /// <summary>Nova Scotia HST at 15 % on a tax date from 2025-04-01; everything else right (StaleNsRate).</summary>
    StaleNsRate,
    /// <summary>Any other difference: wrong province, wrong regime, wrong rate, stray component (TaxProvinceMismatch).</summary>
    Mismatch,
}
