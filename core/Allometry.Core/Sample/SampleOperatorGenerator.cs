namespace Allometry.Core.Sample;

using Allometry.Core.Ledger;
using Allometry.Core.Localization;
using Allometry.Core.Rules;
using Allometry.Core.Sample.Planting;
using R = PayerRoles;

/// <summary>
/// Generates the ledger of a fictional operator, Borealis Énergie &amp; Casiers inc. (EV chargers,
/// solar, smart lockers; sites in QC, ON, NS and BC): about 40 payers, 120 projects and every
/// sheet of the import contract, with at least one planted case of every rule of domain.md §4
/// and nothing else that should raise a High or Critical exception.
/// </summary>
/// <remarks>
/// Deterministic: the only source of variation is <c>new Random(seed)</c>, and every date is
/// relative to the as-of date passed in; the same arguments give the same rows on every machine.
/// Clean data follows domain.md to the letter: tax by place of supply (the seller is registered
/// for PST in BC), deposits paid before anything ships, invoices paid within 8–20 days so open
/// ones are at most 20 days old, retainage billed for release when due.
/// </remarks>
public static class SampleOperatorGenerator
{
    /// <summary>The seed of the reference sample.</summary>
    public const int DefaultSeed = 20261121;

    /// <summary>The as-of date of the reference sample.</summary>
    public static readonly DateOnly DefaultAsOf = new(2026, 11, 20);

    /// <summary>
    /// The earliest as-of date accepted: with an earlier one, histories would cross the Ontario
    /// annual-release regime change (2026-01-01) and the planted stale Nova Scotia rate could fall
    /// before 2025-04-01, where 15 % was right.
    /// </summary>
    public static readonly DateOnly EarliestAsOf = new(2026, 1, 1);

    /// <summary>Generates the sample for <paramref name="seed"/> as of <paramref name="asOf"/> (default <see cref="DefaultAsOf"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The as-of date is before <see cref="EarliestAsOf"/>.</exception>
    public static SampleLedger Generate(int seed = DefaultSeed, DateOnly? asOf = null)
    {
        var date = asOf ?? DefaultAsOf;
        if (date < EarliestAsOf)
        {
            throw new ArgumentOutOfRangeException(nameof(asOf), date, $"The sample needs an as-of date on or after {EarliestAsOf.Iso()}.");
        }
        var meta = new LedgerMeta
        {
            AsOf = date,
            Tenant = SampleNames.Tenant,
            Currency = "CAD",
            SellerProvince = Province.QC,
            SellerGstHstNumber = SampleRegistration.SellerGstHst,
            SellerQstNumber = SampleRegistration.SellerQst,
            SellerPstRegistrations = [Province.BC],
            Language = Language.Fr,
        };
        var d = new SampleDraft(seed, date, meta);
        var payers = SamplePayers.Add(d);
        SamplePayers.AddCleanProjects(d, payers);
        CleanPromises(d);
        Plant(d, payers);
        return d.Finish(seed);
    }

    private static void Plant(SampleDraft d, IReadOnlyDictionary<string, Payer> p)
    {
        DepositCases.GateHigh(d, p[R.GateHigh]);
        DepositCases.GateCritical(d, p[R.GateCritical]);
        DepositCases.NotInvoiced(d, p[R.DepositNotInvoiced]);
        DepositCases.UnusedCredit(d, p[R.UnappliedDeposit]);
        RetainageCases.HoldbackAfterCsp(d, p[R.HoldbackCsp]);
        RetainageCases.HoldbackAnnual(d, p[R.HoldbackAnnual]);
        RetainageCases.RetenueAfterReception(d, p[R.Retenue]);
        RetainageCases.Hypothec(d, p[R.Hypothec]);
        RetainageCases.NeverInvoiced(d, p[R.NeverInvoiced]);
        ProgressBillingCases.AgedRetainage(d, p[R.AgedRetainage]);
        ProgressBillingCases.PromptPayment(d, p[R.PromptPayment]);
        TaxCases.QuebecTaxOnOntarioSite(d, p[R.TaxProvince]);
        TaxCases.QstOnGst(d, p[R.QstBase]);
        TaxCases.StaleNovaScotiaRate(d, p[R.StaleNs]);
        TaxCases.MissingNumbers(d, p[R.MissingHst], p[R.MissingQst]);
        QuoteAndRenewalCases.Leakage(d, p[R.VarianceLeak]);
        QuoteAndRenewalCases.OverBilling(d, p[R.VarianceOver]);
        PayerCases.Handoff(d, p[R.Builder], p[R.Developer]);
        PayerCases.GroupOverLimit(d, p[R.GroupAParent],
        [
            (p[R.GroupALaval], Province.QC, "Laval"),
            (p[R.GroupAOntario], Province.ON, "Ottawa"),
            (p[R.GroupAMauricie], Province.QC, "Trois-Rivières"),
        ]);
        QuoteAndRenewalCases.Renewal(d, p[R.RenewalMedium], 45, Severity.Medium);
        QuoteAndRenewalCases.Renewal(d, p[R.RenewalHigh], 20, Severity.High);
        QuoteAndRenewalCases.Renewal(d, p[R.RenewalCritical], -15, Severity.Critical);
        CollectionCases.BrokenPromise(d, p[R.BrokenPromise]);
        CollectionCases.ShortPay(d, p[R.ShortPay]);
        CollectionCases.UnappliedCash(d, p[R.UnappliedCash]);
        CollectionCases.Overdue(d, p[R.Overdue]);
        CollectionCases.Aged(d, p[R.Aging90]);
    }

    /// <summary>A kept promise and one not yet due, so the promises sheet is not all exceptions.</summary>
    private static void CleanPromises(SampleDraft d)
    {
        var kept = d.Applications
            .Select(a => (Application: a, Payment: d.Payments.First(p => p.PaymentId == a.PaymentId)))
            .First(x => x.Payment.ReceivedOn > d.Day(-60));
        d.Promises.Add(new PaymentPromise
        {
            PayerId = kept.Payment.PayerId,
            InvoiceId = kept.Application.InvoiceId,
            PromisedOn = kept.Payment.ReceivedOn,
            PromisedAmount = kept.Application.Amount,
            RecordedOn = kept.Payment.ReceivedOn.AddDays(-5),
        });
        var open = d.OpenInvoices().First(i => i.Kind != InvoiceKind.Deposit);
        d.Promises.Add(new PaymentPromise
        {
            PayerId = open.PayerId,
            InvoiceId = open.InvoiceId,
            PromisedOn = open.DueDate,
            PromisedAmount = d.Outstanding(open),
            RecordedOn = d.Day(-2),
        });
    }
}
