namespace Allometry.Core.Ledger;

/// <summary>A relation between two payers (the <c>entity_links</c> sheet).</summary>
public sealed record EntityLink
{
    public required string FromPayerId { get; init; }
    public required string ToPayerId { get; init; }
    public required EntityLinkKind Kind { get; init; }
    public DateOnly? EffectiveDate { get; init; }
    public string? Note { get; init; }
    public RowRef Source { get; init; } = RowRef.None;
}
