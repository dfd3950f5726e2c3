namespace Allometry.Core.Ledger;

/// <summary>A payer's promise to pay (the <c>promises</c> sheet). Identified by (payer, invoice, date).</summary>
public sealed record PaymentPromise
{
    public required string PayerId { get; init; }
    public string? InvoiceId { get; init; }
    public required DateOnly PromisedOn { get; init; }
    public required decimal PromisedAmount { get; init; }
    public DateOnly? RecordedOn { get; init; }
    public RowRef Source { get; init; } = RowRef.None;
}
