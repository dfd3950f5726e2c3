namespace Allometry.Adapters.Ledger.Aging;

/// <summary>What a non-bucket column of an aging export holds.</summary>
internal enum AgingColumnRole
{
    Customer,
    /// <summary>A summary row's total across buckets.</summary>
    Total,
    /// <summary>What is still owed on a detail line (Open Balance, Balance Due); a summary's total on Sage.</summary>
    Balance,
    /// <summary>The document's original amount on a detail line.</summary>
    Amount,
    Date,
    DueDate,
    Number,
    Type,
    /// <summary>Zoho Books' <c>Age</c>: days past the aging basis date, e.g. <c>36 Days</c>.</summary>
    Age,
    /// <summary>QuickBooks' optional <c>Past Due</c> column: days past the due date.</summary>
    PastDue,
    Status,
    CreditLimit,
    /// <summary>A customer code or account reference (Sage); kept as a payer alias.</summary>
    Reference,
    /// <summary>A column vendors add that Allometry does not need (memo, terms, foreign-currency total).</summary>
    Ignored,
}
