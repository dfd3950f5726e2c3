namespace Allometry.Core.Tax;

using Allometry.Core.Ledger;

/// <summary>
/// Canadian sales tax as domain.md §1 states it for 2025–2026: the rates of each province and
/// territory, Nova Scotia's HST cut to 14 % for tax payable from 2025-04-01, QST on the price
/// excluding GST, and each component rounded to the cent half away from zero (a fraction of
/// exactly 0.005 rounds up, as Revenu Québec requires). Pure functions, no ledger needed.
/// </summary>
/// <remarks>
/// Sources: <see href="https://www.canada.ca/en/revenue-agency/services/tax/businesses/topics/gst-hst-businesses/charge-collect-which-rate/calculator.html">CRA GST/HST rates</see>,
/// <see href="https://www.revenuquebec.ca/en/businesses/consumption-taxes/gsthst-and-qst/collecting-gst-and-qst/calculating-the-taxes/">Revenu Québec: calculating the taxes</see>.
/// </remarks>
public static class SalesTax
{
    /// <value>5 % federal GST.</value>
    public const decimal GstRate = 0.05m;
    /// <value>9.975 % QST, on the price excluding GST.</value>
    public const decimal QstRate = 0.09975m;
    /// <value>13 % HST in Ontario.</value>
    public const decimal OntarioHstRate = 0.13m;
    /// <value>15 % HST in New Brunswick, Newfoundland and Labrador, Prince Edward Island (and Nova Scotia before 2025-04-01).</value>
    public const decimal AtlanticHstRate = 0.15m;
    /// <value>14 % HST in Nova Scotia for tax payable on or after <see cref="NsRateChange"/>.</value>
    public const decimal NovaScotiaHstRate = 0.14m;

    /// <summary>The first tax date at which Nova Scotia's HST is 14 % (15 % the day before).</summary>
    public static readonly DateOnly NsRateChange = new(2025, 4, 1);

    /// <summary>Rounds a tax amount to the cent, half away from zero, always with two decimals (scale 2).</summary>
    public static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero) + 0.00m;

    /// <summary>
    /// The day tax becomes payable, which decides the rate when a rate changes: the earlier of
    /// the first payment and the due date (domain.md §1).
    /// </summary>
    /// <param name="dueDate">The invoice's due date.</param>
    /// <param name="firstPaymentOn">The day the first payment was received, if any.</param>
    public static DateOnly TaxDate(DateOnly dueDate, DateOnly? firstPaymentOn) =>
        firstPaymentOn is { } paid && paid < dueDate ? paid : dueDate;

    /// <summary>The rates of a province on a tax date.</summary>
    public static ProvinceTaxRates RatesFor(Province province, DateOnly taxDate) => province switch
    {
        Province.AB or Province.YT or Province.NT or Province.NU => new(province, TaxRegime.Gst, GstRate, 0m, 0m, 0m),
        Province.BC => new(province, TaxRegime.GstPst, GstRate, 0m, 0m, 0.07m),
        Province.MB => new(province, TaxRegime.GstPst, GstRate, 0m, 0m, 0.07m),
        Province.SK => new(province, TaxRegime.GstPst, GstRate, 0m, 0m, 0.06m),
        Province.ON => new(province, TaxRegime.Hst, 0m, OntarioHstRate, 0m, 0m),
        Province.QC => new(province, TaxRegime.GstQst, GstRate, 0m, QstRate, 0m),
        Province.NB or Province.NL or Province.PE => new(province, TaxRegime.Hst, 0m, AtlanticHstRate, 0m, 0m),
        Province.NS => new(province, TaxRegime.Hst, 0m, taxDate >= NsRateChange ? NovaScotiaHstRate : AtlanticHstRate, 0m, 0m),
        _ => throw new ArgumentOutOfRangeException(nameof(province), province, "Unknown province."),
    };

    /// <summary>Every province and territory's rates on a tax date, in <see cref="Province"/> order.</summary>
    public static IReadOnlyList<ProvinceTaxRates> Table(DateOnly taxDate) =>
        [.. Enum.GetValues<Province>().Select(p => RatesFor(p, taxDate))];

    /// <summary>
    /// The tax lines a supply of <paramref name="subtotal"/> (before tax) calls for. Each component
    /// is computed on the subtotal and rounded on its own; QST is on the price excluding GST
    /// ($100.00 → GST 5.00 + QST 9.98). PST is charged only when the seller is registered there.
    /// A negative subtotal (a credit note) gives negative components, rounded symmetrically.
    /// </summary>
    /// <param name="place">The place of supply (see <see cref="PlaceOfSupply"/>).</param>
    /// <param name="taxDate">When tax became payable (see <see cref="TaxDate"/>).</param>
    /// <param name="subtotal">The price before tax.</param>
    /// <param name="sellerPstRegistered">Whether the seller is registered for the PST/RST of <paramref name="place"/>.</param>
    public static TaxComponents Compute(Province place, DateOnly taxDate, decimal subtotal, bool sellerPstRegistered)
    {
        var rates = RatesFor(place, taxDate);
        return new(
            Gst: Round(subtotal * rates.Gst),
            Hst: Round(subtotal * rates.Hst),
            Qst: Round(subtotal * rates.Qst),
            Pst: sellerPstRegistered ? Round(subtotal * rates.Pst) : 0.00m);
    }
}
