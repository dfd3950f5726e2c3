namespace Allometry.Core.Ledger;

/// <summary>A line of a bank statement (the <c>bank_transactions</c> sheet); positive is money in.</summary>
public sealed record BankTransaction
{
    /// <summary>The bank's id; when absent the store derives one from the line's content.</summary>
    public string? TransactionId { get; init; }
    public required DateOnly PostedOn { get; init; }
    public required decimal Amount { get; init; }
    public string? Description { get; init; }
    public string? Reference { get; init; }
    public string? Account { get; init; }
    public RowRef Source { get; init; } = RowRef.None;
}
