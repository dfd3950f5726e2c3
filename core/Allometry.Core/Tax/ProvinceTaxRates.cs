namespace Allometry.Core.Tax;

using Allometry.Core.Ledger;

/// <summary>
/// The sales-tax rates of one province on one tax date, as fractions (0.05 = 5 %). A component a
/// province does not levy has rate 0. <see cref="Pst"/> is the provincial rate a seller charges
/// only where it is registered for PST/RST (domain.md §1).
/// </summary>
/// <param name="Province">The place of supply.</param>
/// <param name="Regime">Which taxes apply there.</param>
/// <param name="Gst">Federal GST rate (5 %) where GST applies on its own.</param>
/// <param name="Hst">Harmonized rate where HST replaces GST.</param>
/// <param name="Qst">Quebec sales tax rate, applied to the price excluding GST.</param>
/// <param name="Pst">Provincial sales tax (BC PST, MB RST, SK PST), charged only where the seller is registered.</param>
public sealed record ProvinceTaxRates(Province Province, TaxRegime Regime, decimal Gst, decimal Hst, decimal Qst, decimal Pst)
{
    /// <summary>The combined rate a registered seller charges (e.g. 0.14975 in Quebec).</summary>
    public decimal CombinedRate => Gst + Hst + Qst + Pst;
}
