namespace Allometry.Core.Sample;

using Allometry.Core.Ledger;

/// <summary>
/// Sales tax as domain.md §1 states it, for the sample's clean invoices: rates by place of
/// supply, QST on the price excluding GST, each component rounded half away from zero to the
/// cent, Nova Scotia at 14 % when tax became payable on or after 2025-04-01. Kept internal to
/// the sample so the rule engine's own calculator stays the single source of truth in core.
/// </summary>
internal static class SampleTax
{
    public static readonly DateOnly NsRateChange = new(2025, 4, 1);

    /// <summary>Rounds to the cent, half away from zero, and always carries two decimals (scale 2).</summary>
    public static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero) + 0.00m;

    /// <summary>
    /// Construction, installation, leases and goods are taxed where the site is; other services
    /// where the recipient is (domain.md §1, place of supply).
    /// </summary>
    public static Province PlaceOfSupply(SupplyType? supply, Province site, Province? payer) =>
        supply == SupplyType.Service ? payer ?? site : site;

    /// <summary>When tax becomes payable: the earlier of payment and the due date.</summary>
    public static DateOnly TaxDate(DateOnly dueDate, DateOnly? paidOn) =>
        paidOn is { } paid && paid < dueDate ? paid : dueDate;

    public static TaxComponents Compute(Province place, DateOnly taxDate, decimal subtotal, IReadOnlyCollection<Province> sellerPstRegistrations)
    {
        var pstRegistered = sellerPstRegistrations.Contains(place);
        return place switch
        {
            Province.QC => new(Gst: Round(subtotal * 0.05m), Hst: 0m, Qst: Round(subtotal * 0.09975m), Pst: 0m),
            Province.ON => Hst(subtotal, 0.13m),
            Province.NS => Hst(subtotal, NsRate(taxDate)),
            Province.NB or Province.NL or Province.PE => Hst(subtotal, 0.15m),
            Province.BC or Province.MB => GstPst(subtotal, pstRegistered ? 0.07m : 0m),
            Province.SK => GstPst(subtotal, pstRegistered ? 0.06m : 0m),
            _ => GstPst(subtotal, 0m),
        };
    }

    public static decimal NsRate(DateOnly taxDate) => taxDate >= NsRateChange ? 0.14m : 0.15m;

    private static TaxComponents Hst(decimal subtotal, decimal rate) => new(0m, Round(subtotal * rate), 0m, 0m);

    private static TaxComponents GstPst(decimal subtotal, decimal pstRate) =>
        new(Round(subtotal * 0.05m), 0m, 0m, pstRate == 0m ? 0m : Round(subtotal * pstRate));
}
