namespace Allometry.Core.Ledger;

/// <summary>A delivery or milestone of a project (the <c>deliveries</c> sheet).</summary>
public sealed record Delivery
{
    public required string ProjectId { get; init; }
    public required string Milestone { get; init; }
    public required DateOnly ScheduledOn { get; init; }
    public DateOnly? DeliveredOn { get; init; }
    public DeliveryStatus? Status { get; init; }
    public RowRef Source { get; init; } = RowRef.None;
}
