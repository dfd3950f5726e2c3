namespace Allometry.Core.Ledger;

/// <summary>A quote or estimate (the <c>quotes</c> sheet).</summary>
public sealed record Quote
{
    public required string QuoteId { get; init; }
    public required string ProjectId { get; init; }
    public string? PayerId { get; init; }
    public DateOnly? QuoteDate { get; init; }
    public DateOnly? AcceptedOn { get; init; }
    public required decimal TotalExTax { get; init; }
    public decimal? DepositPct { get; init; }
    public QuoteStatus? Status { get; init; }
    public RowRef Source { get; init; } = RowRef.None;
}
