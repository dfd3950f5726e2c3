namespace Allometry.Core.Scoring;

/// <summary>
/// Everything one payer's risk score is computed from, gathered from the ledger and the rule
/// engine's findings on one as-of date. Plain, serializable data: stored beside the score, it lets
/// <see cref="RiskScorer.Recompute"/> give back the identical score under the same weights.
/// </summary>
/// <remarks>
/// An invoice counts for the payer the rule engine routes its follow-up to: its bill-to payer,
/// unless a finding moved it to the entity that now holds the liability (listed in
/// <see cref="ReroutedInvoiceIds"/>). Promises count for the payer who made them.
/// </remarks>
public sealed record ScoreInputs
{
    public required string PayerId { get; init; }

    public required DateOnly AsOf { get; init; }

    /// <value>CAD.</value>
    public string Currency { get; init; } = "CAD";

    /// <summary>Invoices billed to another payer that count as this payer's because the liability moved to it.</summary>
    public IReadOnlyList<string> ReroutedInvoiceIds { get; init; } = [];

    /// <summary>F1: the most days beyond terms (max(0, as-of − due)) of the payer's open invoices; 0 when none is past due.</summary>
    public int OldestDaysBeyondTerms { get; init; }

    /// <summary>F1: the invoice that is that late.</summary>
    public string? OldestInvoiceId { get; init; }

    /// <summary>F2 and F3: lateness over the history window (12 months).</summary>
    public required LatenessWindow History { get; init; }

    /// <summary>F3: lateness over the recent window (3 months).</summary>
    public required LatenessWindow Recent { get; init; }

    /// <summary>F4: promises broken within the promise window.</summary>
    public IReadOnlyList<BrokenPromiseFact> BrokenPromises { get; init; } = [];

    /// <summary>F5: Σ balances of the payer's invoices that are not void (credit notes count negative).</summary>
    public decimal OpenAr { get; init; }

    /// <summary>F5: the payer's credit limit; null when it has none.</summary>
    public decimal? CreditLimit { get; init; }

    /// <summary>F5 without a credit limit: the percentile (P90) of the positive open balances of all payers.</summary>
    public decimal PortfolioPercentileBalance { get; init; }

    /// <summary>F6: invoices with a residual after a payment left unresolved beyond the tenant's short-pay days.</summary>
    public IReadOnlyList<string> ShortPaidInvoiceIds { get; init; } = [];

    /// <summary>F6: the payer has a dispute open (fed by the exception lifecycle; see <see cref="OpenDispute"/>).</summary>
    public bool IsDisputed { get; init; }

    /// <summary>F6: the invoices in dispute; empty when the payer disputes its whole account or nothing.</summary>
    public IReadOnlyList<string> DisputedInvoiceIds { get; init; } = [];

    /// <summary>F7: the findings that raised a structural flag for the payer.</summary>
    public IReadOnlyList<StructuralFact> Structural { get; init; } = [];
}
