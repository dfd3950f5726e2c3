namespace Allometry.Core.Ledger;

/// <summary>Money received from a payer (the <c>payments</c> sheet).</summary>
public sealed record Payment
{
    public required string PaymentId { get; init; }
    public required string PayerId { get; init; }
    public required DateOnly ReceivedOn { get; init; }
    public required decimal Amount { get; init; }
    public string? Reference { get; init; }
    public string? Method { get; init; }
    public RowRef Source { get; init; } = RowRef.None;
}
