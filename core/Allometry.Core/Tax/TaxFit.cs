namespace Allometry.Core.Tax;

using System.Globalization;
using Allometry.Core.Ledger;

/// <summary>
/// Which sales-tax rate patterns an invoice's components fit exactly, as a bit set: the C# twin
/// of the SQL function <c>allometry_tax_fit</c> behind the stored column <c>invoices.tax_fit</c>
/// (migration 0018), which lets a screen find the invoices the tax rules may flag from an index,
/// without recomputing a million invoices' tax.
/// </summary>
/// <remarks>
/// A bit set rather than one code: a small or zero subtotal fits several patterns at once (5 %
/// and 9.975 % of $0.05 both round to 0.00). An invoice taxed as <see cref="SalesTax.Compute"/>
/// expects at its place of supply and tax date always has that place's bit
/// (<see cref="Expected"/>) among its fits; one without it is off somewhere, by a cent or by a
/// whole rate, and the tax rules decide (they allow <see cref="Rules.RuleSettings.TaxComponentTolerance"/>).
/// The patterns are the ones <see cref="SalesTax.RatesFor"/> produces; <see cref="Expected"/>
/// derives its answer from those rates, so a rate changed in C# either maps to another pattern
/// or fails loudly until the pattern list and the SQL function learn it (a test compares both).
/// </remarks>
public static class TaxFit
{
    /// <summary>Fits no pattern (no tax on a taxable amount, or a component off).</summary>
    public const short None = 0;

    /// <summary>The patterns in bit order; the SQL function <c>allometry_tax_fit</c> tests the same ones with the same bits.</summary>
    public static IReadOnlyList<TaxFitPattern> Patterns { get; } =
    [
        new(1, SalesTax.GstRate, 0m, 0m, 0m),
        new(2, SalesTax.GstRate, 0m, SalesTax.QstRate, 0m),
        new(4, 0m, SalesTax.OntarioHstRate, 0m, 0m),
        new(8, 0m, SalesTax.AtlanticHstRate, 0m, 0m),
        new(16, 0m, SalesTax.NovaScotiaHstRate, 0m, 0m),
        new(32, SalesTax.GstRate, 0m, 0m, 0.07m),
        new(64, SalesTax.GstRate, 0m, 0m, 0.06m),
    ];

    /// <summary>
    /// The dates on which some province's rates change (the first day of the new rates). Between
    /// two of them <see cref="SalesTax.RatesFor"/> is constant, which is what lets a screen class
    /// tax dates as before or after.
    /// </summary>
    public static IReadOnlyList<DateOnly> RateChanges { get; } = [SalesTax.NsRateChange];

    /// <summary>The bit set of the patterns the four components fit exactly.</summary>
    public static short Classify(decimal subtotal, decimal gst, decimal hst, decimal qst, decimal pst)
    {
        short fit = None;
        foreach (var pattern in Patterns)
        {
            if (pattern.IsFitBy(subtotal, gst, hst, qst, pst)) fit |= pattern.Bit;
        }
        return fit;
    }

    /// <summary>
    /// The pattern <see cref="SalesTax.Compute"/> applies at <paramref name="place"/> on
    /// <paramref name="taxDate"/>: an invoice is taxed exactly right there when its fit has this bit.
    /// </summary>
    /// <exception cref="InvalidOperationException">The rates there match no pattern (a rate changed in <see cref="SalesTax"/> without the patterns following).</exception>
    public static short Expected(Province place, DateOnly taxDate, bool sellerPstRegistered)
    {
        var rates = SalesTax.RatesFor(place, taxDate);
        var pst = sellerPstRegistered ? rates.Pst : 0m;
        foreach (var pattern in Patterns)
        {
            if (pattern.Gst == rates.Gst && pattern.Hst == rates.Hst && pattern.Qst == rates.Qst && pattern.Pst == pst) return pattern.Bit;
        }
        throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
            $"No tax-fit pattern for {place} on {taxDate:yyyy-MM-dd} (GST {rates.Gst}, HST {rates.Hst}, QST {rates.Qst}, PST {pst}): add it to TaxFit.Patterns and to the SQL function allometry_tax_fit."));
    }

    /// <summary>True when <paramref name="fit"/> includes the <paramref name="expected"/> pattern.</summary>
    public static bool Fits(short fit, short expected) => (fit & expected) != 0;
}
