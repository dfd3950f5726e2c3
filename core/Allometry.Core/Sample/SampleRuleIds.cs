namespace Allometry.Core.Sample;

/// <summary>The rule names of domain.md §4, spelled exactly as the catalogue spells them.</summary>
internal static class SampleRuleIds
{
    public const string DepositGateUnpaid = "DepositGateUnpaid";
    public const string DepositNotInvoiced = "DepositNotInvoiced";
    public const string UnappliedDeposit = "UnappliedDeposit";
    public const string HoldbackReleaseDue = "HoldbackReleaseDue";
    public const string RetenueReleaseDue = "RetenueReleaseDue";
    public const string HypothecDeadline = "HypothecDeadline";
    public const string RetainageNeverInvoiced = "RetainageNeverInvoiced";
    public const string RetainageAgedMisclassified = "RetainageAgedMisclassified";
    public const string PromptPaymentBreach = "PromptPaymentBreach";
    public const string TaxProvinceMismatch = "TaxProvinceMismatch";
    public const string QstBaseError = "QstBaseError";
    public const string StaleNsRate = "StaleNsRate";
    public const string MissingRegistrationNumber = "MissingRegistrationNumber";
    public const string QuoteInvoiceVariance = "QuoteInvoiceVariance";
    public const string PayerChangeExposure = "PayerChangeExposure";
    public const string LinkedGroupOverLimit = "LinkedGroupOverLimit";
    public const string RenewalPrebillDue = "RenewalPrebillDue";
    public const string BrokenPromise = "BrokenPromise";
    public const string ShortPayUnresolved = "ShortPayUnresolved";
    public const string UnappliedCash = "UnappliedCash";
    public const string OverdueInvoice = "OverdueInvoice";
    public const string AgingConcentration = "AgingConcentration";
}
