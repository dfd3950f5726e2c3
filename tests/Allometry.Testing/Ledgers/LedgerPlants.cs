namespace Allometry.Testing.Ledgers;

/// <summary>
/// What <see cref="GeneratedLedger"/> plants on top of its base ledger: per-project probabilities
/// (0 to 1, each project rolls each one) and counts of extra rows. Most plants leave every invoice
/// of the project paid (balance 0), because those are the cases a screened read can miss.
/// </summary>
public sealed record LedgerPlants
{
    /// <summary>Nothing extra: the evaluation benchmark's ledger.</summary>
    public static LedgerPlants None { get; } = new();

    /// <summary>Enough of everything that a few hundred projects make all 23 rules fire somewhere.</summary>
    public static LedgerPlants Everything { get; } = new()
    {
        QuoteVariance = 0.12, DepositNeverInvoiced = 0.06, DepositUnderpaid = 0.06, RenewalDue = 0.5, ReleaseDue = 0.35,
        RetainageNeverInvoiced = 0.15, RetainageInBalance = 0.08, PromptPayment = 0.2, PayerChange = 0.06, ThirdPartyPayer = 0.03,
        TaxFault = 0.08, MissingRegistration = 0.05, CreditNote = 0.04, OnAccountPayment = 0.04, UnappliedRest = 0.04, Promise = 0.08,
        QuoteOnlyProjects = 6, SplitPayments = 6, LinkedGroups = 3, AgingPayers = 3, ProjectlessInvoices = 14, PrairieProjects = 3,
    };

    /// <summary>Leakage or over-billing on a completed project, or drift on an open one (QuoteInvoiceVariance).</summary>
    public double QuoteVariance { get; init; }
    /// <summary>The deposit invoice re-labelled as progress billing (DepositNotInvoiced, DepositGateUnpaid).</summary>
    public double DepositNeverInvoiced { get; init; }
    /// <summary>The deposit invoiced short and paid in full while the goods shipped (DepositGateUnpaid).</summary>
    public double DepositUnderpaid { get; init; }
    /// <summary>A service contract renewing soon or lapsed with no renewal invoice (RenewalPrebillDue).</summary>
    public double RenewalDue { get; init; }
    /// <summary>CSP, réception, fin des travaux or a final invoice set on a construction project (HoldbackReleaseDue, RetenueReleaseDue, HypothecDeadline).</summary>
    public double ReleaseDue { get; init; }
    /// <summary>The last construction invoice made final, its retainage never billed, or billed by a release invoice (RetainageNeverInvoiced).</summary>
    public double RetainageNeverInvoiced { get; init; }
    /// <summary>An old invoice paid net of its holdback, the holdback left in its balance (RetainageAgedMisclassified).</summary>
    public double RetainageInBalance { get; init; }
    /// <summary>An Ontario progress invoice left unpaid (PromptPaymentBreach, OverdueInvoice).</summary>
    public double PromptPayment { get; init; }
    /// <summary>A current payer, a handoff or a successor link (PayerChangeExposure), including a scoped handoff only a paid project explains.</summary>
    public double PayerChange { get; init; }
    /// <summary>Three invoices paid by another payer (PayerChangeExposure's third-party case).</summary>
    public double ThirdPartyPayer { get; init; }
    /// <summary>A paid invoice taxed wrong: QST on subtotal + GST, NS at 15 %, or the wrong province (QstBaseError, StaleNsRate, TaxProvinceMismatch).</summary>
    public double TaxFault { get; init; }
    /// <summary>A paid invoice printing no, partial or invalid registration numbers (MissingRegistrationNumber).</summary>
    public double MissingRegistration { get; init; }
    /// <summary>A credit note on a project with an open invoice (UnappliedDeposit).</summary>
    public double CreditNote { get; init; }
    /// <summary>A payment applied to nothing, sometimes naming a project invoice (UnappliedCash, UnappliedDeposit).</summary>
    public double OnAccountPayment { get; init; }
    /// <summary>A paid invoice's payment with an unapplied rest, another invoice of the project open (UnappliedDeposit, UnappliedCash).</summary>
    public double UnappliedRest { get; init; }
    /// <summary>Promises on open invoices, on paid ones and on payers (BrokenPromise).</summary>
    public double Promise { get; init; }

    /// <summary>Projects with an accepted quote and a delivery near the as-of date but no invoice at all.</summary>
    public int QuoteOnlyProjects { get; init; }
    /// <summary>Payments of a paid invoice also applied to an open invoice of another project.</summary>
    public int SplitPayments { get; init; }
    /// <summary>Affiliate pairs with a tiny credit limit (LinkedGroupOverLimit).</summary>
    public int LinkedGroups { get; init; }
    /// <summary>Payers known only from aging-export lines (SuspectedRetainage, AgingConcentration, UnappliedCash on credits).</summary>
    public int AgingPayers { get; init; }
    /// <summary>Invoices without a project, paid or open, some taxed wrong or without registration numbers.</summary>
    public int ProjectlessInvoices { get; init; }
    /// <summary>Goods projects in Saskatchewan or Manitoba taxed GST only (wrong once the seller registers for PST there).</summary>
    public int PrairieProjects { get; init; }

    internal bool Any => this != None;
}
