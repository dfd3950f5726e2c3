namespace Allometry.Core.Postgres.Tests.Exceptions.Screening;

using Allometry.Core.Ledger;
using Allometry.Core.Postgres.Exceptions.Screening;
using Allometry.Core.Rules;
using Allometry.Testing.Ledgers;

/// <summary>The ledgers, evaluation dates and settings the screened evaluation is held to.</summary>
internal static class EquivalenceCases
{
    /// <summary>Seeds of the generated ledgers (each imported once).</summary>
    public static readonly int[] Seeds = [11, 23, 37];

    /// <summary>Evaluation dates relative to the ledger's as-of: around every window a screen may cut on (60/61 days, 7 days, 1 day…).</summary>
    public static readonly int[] AsOfOffsets = [-400, -200, -90, -61, -60, -30, -7, -1, 0, 1, 7, 30, 60, 365];

    /// <summary>A generated ledger of a few hundred projects with every plant.</summary>
    public static GeneratedLedger Ledger(int seed) => GeneratedLedger.Generate(invoices: 1_400, projects: 240, payers: 30, seed, LedgerPlants.Everything);

    /// <summary>Rules the generator cannot make fire, with why (none: every rule is planted).</summary>
    public static readonly IReadOnlyDictionary<string, string> NotPlanted = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The settings variations: defaults, thresholds tightened, thresholds loosened, rules disabled, PST registrations on, only the base scope, only screened rules.</summary>
    public static IReadOnlyList<(string Name, RuleSettings Settings)> Settings(GeneratedLedger ledger)
    {
        var unscreened = Except(id => BaseScope.Covers.Contains(id) || RuleScreens.All.Any(s => s.RuleIds.Contains(id)));
        var roots = ledger.EntityLinks.Select(l => l.FromPayerId).Distinct(StringComparer.Ordinal).ToList();
        List<(string, RuleSettings)> variations =
        [
            ("defaults", RuleSettings.Default),
            ("tight", RuleSettings.Default with
            {
                DepositTolerance = 0.01m, DepositGateLeadDays = 21, DepositInvoiceGraceBusinessDays = 0, UnappliedDepositDays = 1,
                OntarioLienPeriodDays = 30, OntarioAnnualReleasePaymentDays = 3, QuebecReleaseDays = 10, HypothecWindowDays = 45, HypothecWarningDays = 20,
                RetainageNeverInvoicedDays = 5, RetainageTolerance = 0.01m, PromptPaymentDays = 10, TaxComponentTolerance = 0m,
                RegistrationNumberThreshold = 10m, QuoteLeakagePercent = 99.9m, QuoteOverbillMinimum = 10m, QuoteOverbillPercent = 0.5m,
                QuoteDriftPercent = 1m, ThirdPartyPayerMaxInvoices = 0, RenewalNoticeDays = 200, RenewalUrgentDays = 90, PromiseTolerance = 0m,
                ShortPayTolerance = 0.01m, ShortPayDays = 1, UnappliedCashDays = 0, ConcentrationSharePercent = 3m, ConcentrationOver90Percent = 5m,
                OverdueMediumDays = 5, OverdueHighDays = 20, OverdueLargeBalance = 1_000m,
                GroupCreditLimits = roots.ToDictionary(r => r, _ => 1m, StringComparer.Ordinal),
            }),
            ("loose", RuleSettings.Default with
            {
                DepositTolerance = 500m, DepositGateLeadDays = 0, DepositInvoiceGraceBusinessDays = 30, UnappliedDepositDays = 60,
                OntarioLienPeriodDays = 120, QuebecReleaseDays = 90, HypothecWindowDays = 15, HypothecWarningDays = 2,
                RetainageNeverInvoicedDays = 120, RetainageTolerance = 100m, PromptPaymentDays = 90, TaxComponentTolerance = 0.5m,
                RegistrationNumberThreshold = 5_000m, QuoteLeakagePercent = 80m, QuoteOverbillMinimum = 5_000m, QuoteDriftPercent = 40m,
                ThirdPartyPayerMaxInvoices = 5, RenewalNoticeDays = 20, RenewalUrgentDays = 5, PromiseTolerance = 200m, ShortPayTolerance = 100m,
                ShortPayDays = 60, UnappliedCashDays = 45, ConcentrationSharePercent = 60m, ConcentrationOver90Percent = 80m,
                GroupCreditLimits = roots.ToDictionary(r => r, _ => 10_000_000m, StringComparer.Ordinal),
            }),
            ("disabled", RuleSettings.Default with
            {
                DisabledRules = new HashSet<string>(StringComparer.Ordinal)
                {
                    "OverdueInvoice", "TaxProvinceMismatch", "HoldbackReleaseDue", "UnappliedCash", "DepositGateUnpaid", "AgingConcentration",
                },
            }),
            ("pst", RuleSettings.Default with { SellerPstRegistrations = new HashSet<Province> { Province.SK, Province.MB, Province.BC } }),
            // Only the rules the base scope covers without a screen: the loader reads the base scope alone.
            ("base-scope", RuleSettings.Default with { DisabledRules = Except(id => BaseScope.Covers.Contains(id)) }),
        ];
        if (unscreened.Count > 0)
        {
            // Some rule has no screen, so the loader reads every project for the variations above: these run only the
            // rules the base scope or a screen covers, so the loader reads the scope and the screens alone.
            variations.Add(("screened", RuleSettings.Default with { DisabledRules = unscreened }));
            variations.Add(("screened-pst", RuleSettings.Default with
            {
                DisabledRules = unscreened,
                SellerPstRegistrations = new HashSet<Province> { Province.SK, Province.MB, Province.BC },
                TaxComponentTolerance = 0m,
                RegistrationNumberThreshold = 10m,
            }));
        }
        return variations;
    }

    // Every rule but those kept.
    private static HashSet<string> Except(Func<string, bool> keep) =>
        RuleCatalog.All.Select(r => r.Id).Where(id => !keep(id)).ToHashSet(StringComparer.Ordinal);

    /// <summary>Dates from the sample's earliest as-of to its default, evenly spread (a dozen).</summary>
    public static IReadOnlyList<DateOnly> SampleDates(DateOnly earliest, DateOnly latest, int count = 12) =>
        [.. Enumerable.Range(0, count).Select(k => earliest.AddDays((int)((long)(latest.DayNumber - earliest.DayNumber) * k / (count - 1))))];
}
