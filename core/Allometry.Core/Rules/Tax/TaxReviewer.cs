namespace Allometry.Core.Rules.Tax;

using System.Runtime.CompilerServices;
using Allometry.Core.Ledger;
using Allometry.Core.Tax;

/// <summary>
/// Sorts every reviewable invoice into exactly one <see cref="TaxFault"/>, so the three
/// rate rules never report the same invoice twice.
/// </summary>
/// <remarks>
/// Precedence: an invoice whose only error is the QST base (QC supply, GST right, QST equal to
/// 9.975 % of subtotal + GST) is QstBaseError; one whose only error is Nova Scotia's old 15 %
/// (NS supply, tax date on or after 2025-04-01, HST equal to 15 %) is StaleNsRate; anything else
/// that differs is TaxProvinceMismatch. The specific diagnosis wins because it names the fix
/// (recompute the QST, re-issue at 14 %) and the amount at risk is the same either way. An
/// invoice with a second error besides the specific one (say, a stale NS rate plus PST) is a
/// mismatch: re-issuing at 14 % alone would not fix it.
/// <para>
/// Not reviewed: rows from aging exports (no tax components), void invoices (cancelled, no tax
/// collected) and credit notes (negative total or subtotal). A credit note's correct tax is that
/// of the supply it adjusts — its rate and place, not the credit note's own dates — and the
/// ledger does not link a credit note to its invoice; the credit note that reverses a mis-taxed
/// invoice (the very fix these rules suggest) must repeat the wrong tax.
/// </para>
/// </remarks>
internal static class TaxReviewer
{
    // The three rate rules share one evaluation context (RuleEngine passes the same instance to
    // every rule): review the ledger once and keep only the invoices with a fault.
    // The rules may run side by side (RuleEngine): the table hands every caller the same Lazy,
    // which reviews once while the others wait, instead of each racing through a million invoices.
    private static readonly ConditionalWeakTable<RuleContext, Lazy<IReadOnlyList<InvoiceTaxReview>>> FaultsByContext = new();

    /// <summary>The reviewed invoices that have a fault, computed once per evaluation context.</summary>
    public static IReadOnlyList<InvoiceTaxReview> Faults(RuleContext context) =>
        FaultsByContext.GetValue(context, static c => new Lazy<IReadOnlyList<InvoiceTaxReview>>(
            () => FindFaults(c), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    // Nearly every invoice is taxed right: a first pass compares its four components with the
    // expected ones without building anything (no place, rates, verdict or list per invoice), and
    // only an invoice off somewhere gets the full review that explains it. Both passes apply the
    // same rules (place of supply, tax date, registration, tolerance), so the faults are the same.
    private static List<InvoiceTaxReview> FindFaults(RuleContext context)
    {
        var registrations = SellerPstRegistrations(context);
        var tolerance = context.Settings.TaxComponentTolerance;
        var faults = new List<InvoiceTaxReview>();
        foreach (var invoice in context.Ledger.Invoices)
        {
            if (!IsReviewable(invoice) || IsRight(context.Ledger, invoice, registrations, tolerance)) continue;
            if (Review(context, invoice, registrations) is { Fault: not TaxFault.None } review) faults.Add(review);
        }
        return faults;
    }

    // True when every component is within the tolerance of what InvoiceTax.Expect would expect,
    // or when nothing locates the supply (the invoice is not reviewed).
    private static bool IsRight(LedgerSnapshot ledger, Invoice invoice, IReadOnlySet<Province> registrations, decimal tolerance)
    {
        Province province;
        if (ledger.Project(invoice.ProjectId) is { } project)
        {
            province = project.SupplyType == SupplyType.Service && ledger.Payer(invoice.PayerId)?.Province is { } recipient
                ? recipient
                : project.SiteProvince;
        }
        else if (invoice.TaxProvince is { } printed)
        {
            province = printed;
        }
        else
        {
            return true;
        }
        var taxDate = SalesTax.TaxDate(invoice.DueDate, InvoiceTax.FirstPaymentOn(ledger, invoice.InvoiceId));
        var expected = SalesTax.Compute(province, taxDate, invoice.Subtotal, registrations.Contains(province));
        return !IsWrong(invoice.Gst, expected.Gst, tolerance) && !IsWrong(invoice.Hst, expected.Hst, tolerance)
            && !IsWrong(invoice.Qst, expected.Qst, tolerance) && !IsWrong(invoice.Pst, expected.Pst, tolerance);
    }

    /// <summary>Reviews every invoice of the ledger that can be reviewed.</summary>
    public static IEnumerable<InvoiceTaxReview> ReviewAll(RuleContext context)
    {
        var registrations = SellerPstRegistrations(context);
        foreach (var invoice in context.Ledger.Invoices)
        {
            if (Review(context, invoice, registrations) is { } review) yield return review;
        }
    }

    /// <summary>The verdict on one invoice, or <c>null</c> when it is not reviewed or nothing locates its supply.</summary>
    public static InvoiceTaxReview? Review(RuleContext context, Invoice invoice, IReadOnlySet<Province> sellerPstRegistrations)
    {
        if (!IsReviewable(invoice)) return null;
        if (InvoiceTax.Expect(context.Ledger, invoice, sellerPstRegistrations) is not { } tax) return null;

        var tolerance = context.Settings.TaxComponentTolerance;
        var wrong = TaxComponents.All.Where(c => IsWrong(tax.Charged[c], tax.Expected[c], tolerance)).ToList();
        var fault = wrong.Count == 0 ? TaxFault.None
            : IsQstOnGst(tax, wrong, tolerance) ? TaxFault.QstOnGst
            : IsStaleNsRate(tax, wrong, tolerance) ? TaxFault.StaleNsRate
            : TaxFault.Mismatch;
        return new InvoiceTaxReview(tax, fault, wrong);
    }

    /// <summary>Workbook invoices that are neither void nor credit notes.</summary>
    public static bool IsReviewable(Invoice invoice) =>
        invoice.Origin == InvoiceOrigin.Workbook
        && invoice.Status != InvoiceStatus.Void
        && invoice.Total >= 0m && invoice.Subtotal >= 0m;

    /// <summary>
    /// Where the seller charges PST/RST: the tenant's settings together with the ledger's
    /// <c>meta.seller_pst_registrations</c> (either source registering a province is enough).
    /// </summary>
    public static IReadOnlySet<Province> SellerPstRegistrations(RuleContext context)
    {
        var set = new HashSet<Province>(context.Settings.SellerPstRegistrations);
        set.UnionWith(context.Ledger.Meta.SellerPstRegistrations);
        return set;
    }

    // A component is wrong when it is off by more than the tolerance, or charged at all where the
    // place of supply calls for none (PST in Alberta is wrong even at one cent).
    private static bool IsWrong(decimal charged, decimal expected, decimal tolerance) =>
        Math.Abs(charged - expected) > tolerance || (expected == 0m && charged != 0m);

    private static bool IsQstOnGst(ExpectedInvoiceTax tax, List<TaxComponent> wrong, decimal tolerance) =>
        tax.Rates.Regime == TaxRegime.GstQst
        && wrong is [TaxComponent.Qst]
        && Math.Abs(tax.Charged.Qst - QstOnSubtotalPlusGst(tax)) <= tolerance;

    private static bool IsStaleNsRate(ExpectedInvoiceTax tax, List<TaxComponent> wrong, decimal tolerance) =>
        tax.Place.Province == Province.NS
        && tax.TaxDate >= SalesTax.NsRateChange
        && wrong is [TaxComponent.Hst]
        && Math.Abs(tax.Charged.Hst - StaleNsHst(tax)) <= tolerance;

    /// <summary>The QST a mis-coded invoice shows: 9.975 % of subtotal + the GST it charged.</summary>
    public static decimal QstOnSubtotalPlusGst(ExpectedInvoiceTax tax) =>
        SalesTax.Round((tax.Invoice.Subtotal + tax.Charged.Gst) * SalesTax.QstRate);

    /// <summary>The HST at Nova Scotia's pre-2025-04-01 rate of 15 %.</summary>
    public static decimal StaleNsHst(ExpectedInvoiceTax tax) => SalesTax.Round(tax.Invoice.Subtotal * SalesTax.AtlanticHstRate);
}
