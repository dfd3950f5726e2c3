namespace Allometry.Core.Tax;

/// <summary>
/// One rate pattern an invoice's tax components can fit: the four rates, each component being
/// the subtotal times its rate rounded to the cent (<see cref="SalesTax.Round"/>).
/// </summary>
/// <param name="Bit">The pattern's bit in a <see cref="TaxFit"/> bit set (and in <c>invoices.tax_fit</c>).</param>
/// <param name="Gst">GST rate.</param>
/// <param name="Hst">HST rate.</param>
/// <param name="Qst">QST rate (on the price excluding GST).</param>
/// <param name="Pst">PST/RST rate.</param>
public sealed record TaxFitPattern(short Bit, decimal Gst, decimal Hst, decimal Qst, decimal Pst)
{
    /// <summary>True when the four charged components are exactly what this pattern computes on <paramref name="subtotal"/>.</summary>
    public bool IsFitBy(decimal subtotal, decimal gst, decimal hst, decimal qst, decimal pst) =>
        gst == SalesTax.Round(subtotal * Gst) && hst == SalesTax.Round(subtotal * Hst)
        && qst == SalesTax.Round(subtotal * Qst) && pst == SalesTax.Round(subtotal * Pst);
}
