namespace Allometry.Core.Sample;

/// <summary>The payers the planted cases are built on, by the part they play.</summary>
internal static class PayerRoles
{
    public const string GroupAParent = "group-a-parent";
    public const string GroupALaval = "group-a-laval";
    public const string GroupAOntario = "group-a-ontario";
    public const string GroupALevis = "group-a-levis";
    public const string GroupAPredecessor = "group-a-predecessor";
    public const string GroupAMauricie = "group-a-mauricie";
    public const string GroupBParent = "group-b-parent";
    public const string GroupBGrocers = "group-b-grocers";
    public const string GroupBMaritimes = "group-b-maritimes";
    public const string GroupBPacific = "group-b-pacific";
    public const string GroupBQuebec = "group-b-quebec";
    public const string Builder = "builder";
    public const string Developer = "developer";
    public const string GateHigh = "gate-high";
    public const string GateCritical = "gate-critical";
    public const string DepositNotInvoiced = "deposit-not-invoiced";
    public const string UnappliedDeposit = "unapplied-deposit";
    public const string HoldbackCsp = "holdback-csp";
    public const string HoldbackAnnual = "holdback-annual";
    public const string Retenue = "retenue";
    public const string Hypothec = "hypothec";
    public const string NeverInvoiced = "never-invoiced";
    public const string AgedRetainage = "aged-retainage";
    public const string PromptPayment = "prompt-payment";
    public const string TaxProvince = "tax-province";
    public const string QstBase = "qst-base";
    public const string StaleNs = "stale-ns";
    public const string MissingHst = "missing-hst";
    public const string MissingQst = "missing-qst";
    public const string VarianceLeak = "variance-leak";
    public const string VarianceOver = "variance-over";
    public const string RenewalMedium = "renewal-medium";
    public const string RenewalHigh = "renewal-high";
    public const string RenewalCritical = "renewal-critical";
    public const string BrokenPromise = "broken-promise";
    public const string ShortPay = "short-pay";
    public const string UnappliedCash = "unapplied-cash";
    public const string Overdue = "overdue";
    public const string Aging90 = "aging-90";
}
