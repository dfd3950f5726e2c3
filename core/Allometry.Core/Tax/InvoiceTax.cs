namespace Allometry.Core.Tax;

using Allometry.Core.Ledger;

/// <summary>
/// Applies <see cref="SalesTax"/> to an invoice of a ledger: finds its place of supply (the
/// project's site and supply type, or the payer's province for services), its tax date (the
/// first payment applied, or the due date) and whether the seller is PST-registered there.
/// </summary>
public static class InvoiceTax
{
    /// <summary>
    /// The tax <paramref name="invoice"/> should carry, or <c>null</c> when nothing locates the
    /// supply (no project in the ledger and no province printed on the invoice). Without a project,
    /// the province printed on the invoice stands in for the place of supply
    /// (<see cref="PlaceOfSupplyBasis.InvoiceProvince"/>): the components can still be checked
    /// against that province, though the province itself cannot be.
    /// </summary>
    /// <param name="ledger">The ledger holding the invoice, its project, payer and payments.</param>
    /// <param name="invoice">The invoice (or credit note) to compute for.</param>
    /// <param name="sellerPstRegistrations">Provinces where the seller is registered for PST/RST.</param>
    public static ExpectedInvoiceTax? Expect(LedgerSnapshot ledger, Invoice invoice, IReadOnlySet<Province> sellerPstRegistrations)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(sellerPstRegistrations);

        var project = ledger.Project(invoice.ProjectId);
        PlaceOfSupply? place = project is not null
            ? PlaceOfSupply.For(project.SupplyType, project.SiteProvince, ledger.Payer(invoice.PayerId)?.Province)
            : invoice.TaxProvince is { } printed ? new PlaceOfSupply(printed, PlaceOfSupplyBasis.InvoiceProvince) : null;
        if (place is null) return null;

        var firstPayment = FirstPaymentOn(ledger, invoice.InvoiceId);
        var taxDate = SalesTax.TaxDate(invoice.DueDate, firstPayment);
        var registered = sellerPstRegistrations.Contains(place.Province);
        return new ExpectedInvoiceTax(
            invoice, project, place, firstPayment, taxDate,
            SalesTax.RatesFor(place.Province, taxDate), registered,
            SalesTax.Compute(place.Province, taxDate, invoice.Subtotal, registered));
    }

    /// <summary>The day the first payment applied to the invoice was received, if any.</summary>
    public static DateOnly? FirstPaymentOn(LedgerSnapshot ledger, string invoiceId)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        DateOnly? first = null;
        foreach (var application in ledger.ApplicationsTo(invoiceId))
        {
            if (application.Amount == 0m || ledger.Payment(application.PaymentId) is not { } payment) continue;
            if (first is null || payment.ReceivedOn < first) first = payment.ReceivedOn;
        }
        return first;
    }
}
