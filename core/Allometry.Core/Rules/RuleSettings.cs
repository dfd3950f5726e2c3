namespace Allometry.Core.Rules;

using Allometry.Core.Ledger;

/// <summary>
/// A tenant's thresholds and rule switches. Defaults are domain.md §4's; items marked
/// [configurable] there are practice rather than law, which is why they live here.
/// </summary>
public sealed record RuleSettings
{
    /// <summary>Rule ids switched off for this tenant.</summary>
    public IReadOnlySet<string> DisabledRules { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Provinces where the seller is registered for PST (meta.seller_pst_registrations).</summary>
    public IReadOnlySet<Province> SellerPstRegistrations { get; init; } = new HashSet<Province>();

    /// <value>1.00 — how short a deposit may be and still count as paid.</value>
    public decimal DepositTolerance { get; init; } = 1.00m;
    /// <value>7 days — a delivery this close with the deposit unpaid is High.</value>
    public int DepositGateLeadDays { get; init; } = 7;
    /// <value>2 business days after quote acceptance to issue the deposit invoice.</value>
    public int DepositInvoiceGraceBusinessDays { get; init; } = 2;
    /// <value>7 days a deposit or credit may sit unused while the project has open invoices.</value>
    public int UnappliedDepositDays { get; init; } = 7;

    /// <value>60 days — Ontario lien period after the CSP is published.</value>
    public int OntarioLienPeriodDays { get; init; } = 60;
    /// <value>2026-01-01 — Ontario's annual holdback release applies from this date.</value>
    public DateOnly OntarioAnnualReleaseStart { get; init; } = new(2026, 1, 1);
    /// <summary>
    /// Days after a contract anniversary by which Ontario's annual holdback release is payable.
    /// domain.md §2 leaves the exact payment deadline configurable; the default follows the
    /// 14-day notice window after the anniversary.
    /// </summary>
    /// <value>14 days.</value>
    public int OntarioAnnualReleasePaymentDays { get; init; } = 14;
    /// <value>30 days after réception for a Quebec retenue when the project does not say.</value>
    public int QuebecReleaseDays { get; init; } = 30;
    /// <value>30 days — the legal construction hypothec survives this long after fin des travaux (CCQ 2727).</value>
    public int HypothecWindowDays { get; init; } = 30;
    /// <value>7 days left in the hypothec window makes the finding Critical.</value>
    public int HypothecWarningDays { get; init; } = 7;
    /// <value>30 days after the final invoice with retainage still unbilled.</value>
    public int RetainageNeverInvoicedDays { get; init; } = 30;
    /// <value>1.00 — retainage differences below this are rounding.</value>
    public decimal RetainageTolerance { get; init; } = 1.00m;
    /// <value>14 days for an Ontario owner's notice of non-payment.</value>
    public int PromptPaymentNoticeDays { get; init; } = 14;
    /// <value>28 days for an Ontario owner to pay a proper invoice.</value>
    public int PromptPaymentDays { get; init; } = 28;

    /// <value>0.01 per tax component (Revenu Québec rounding).</value>
    public decimal TaxComponentTolerance { get; init; } = 0.01m;
    /// <value>100.00 — invoices at or above this must print valid registration numbers.</value>
    public decimal RegistrationNumberThreshold { get; init; } = 100m;

    /// <value>98 % — a completed project invoiced below this share of its quote is leaking.</value>
    public decimal QuoteLeakagePercent { get; init; } = 98m;
    /// <value>500.00 — over-billing beyond max(this, 2 %) is a dispute risk.</value>
    public decimal QuoteOverbillMinimum { get; init; } = 500m;
    /// <value>2 %.</value>
    public decimal QuoteOverbillPercent { get; init; } = 2m;
    /// <value>10 % mid-project drift.</value>
    public decimal QuoteDriftPercent { get; init; } = 10m;

    /// <value>2 — a third-party payer more often than this on one project is flagged.</value>
    public int ThirdPartyPayerMaxInvoices { get; init; } = 2;
    /// <summary>Credit limits of linked groups, by the group's root payer id.</summary>
    public IReadOnlyDictionary<string, decimal> GroupCreditLimits { get; init; } = new Dictionary<string, decimal>(StringComparer.Ordinal);

    /// <value>60 days before renewal: Medium.</value>
    public int RenewalNoticeDays { get; init; } = 60;
    /// <value>30 days before renewal: High.</value>
    public int RenewalUrgentDays { get; init; } = 30;

    /// <value>1.00 — a promise paid within this is kept.</value>
    public decimal PromiseTolerance { get; init; } = 1.00m;
    /// <value>1.00 — residuals below this after a payment are rounding.</value>
    public decimal ShortPayTolerance { get; init; } = 1.00m;
    /// <value>14 days a short-pay residual may stay unresolved.</value>
    public int ShortPayDays { get; init; } = 14;
    /// <value>7 days unapplied cash may sit while the payer has open invoices.</value>
    public int UnappliedCashDays { get; init; } = 7;

    /// <value>20 % of AR in one payer.</value>
    public decimal ConcentrationSharePercent { get; init; } = 20m;
    /// <value>25 % of a payer's balance in 90+.</value>
    public decimal ConcentrationOver90Percent { get; init; } = 25m;

    /// <summary>OverdueInvoice: beyond this many days past due an invoice is Medium (Low before).</summary>
    /// <value>30 days (the end of the 1–30 aging bucket).</value>
    public int OverdueMediumDays { get; init; } = 30;
    /// <summary>OverdueInvoice: beyond this many days past due an invoice is High.</summary>
    /// <value>90 days (the 90+ aging bucket).</value>
    public int OverdueHighDays { get; init; } = 90;
    /// <summary>OverdueInvoice: an overdue balance at or above this is raised one tier (Low → Medium → High).</summary>
    /// <value>25,000.00.</value>
    public decimal OverdueLargeBalance { get; init; } = 25_000m;

    public static RuleSettings Default { get; } = new();

    public bool IsEnabled(string ruleId) => !DisabledRules.Contains(ruleId);
}
