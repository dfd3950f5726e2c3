namespace Allometry.Core.Ledger;

/// <summary>Part of a payment applied to one invoice; the unapplied rest is visible cash.</summary>
public sealed record PaymentApplication
{
    public required string PaymentId { get; init; }
    public required string InvoiceId { get; init; }
    public required decimal Amount { get; init; }
    public RowRef Source { get; init; } = RowRef.None;
}
