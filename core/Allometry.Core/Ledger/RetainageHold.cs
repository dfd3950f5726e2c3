namespace Allometry.Core.Ledger;

/// <summary>
/// Retainage (holdback, retenue) held on a project, optionally tied to the invoice it was held
/// from. Identified by (project, invoice); a project-level hold has no invoice.
/// </summary>
public sealed record RetainageHold
{
    public required string ProjectId { get; init; }
    public string? InvoiceId { get; init; }
    public required decimal HeldAmount { get; init; }
    public DateOnly? ReleaseDueOn { get; init; }
    public DateOnly? ReleasedOn { get; init; }
    public string? ReleaseInvoiceId { get; init; }
    public DateOnly? CollectedOn { get; init; }
    public RowRef Source { get; init; } = RowRef.None;
}
