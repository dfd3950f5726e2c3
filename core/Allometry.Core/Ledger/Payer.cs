namespace Allometry.Core.Ledger;

using Allometry.Core.Localization;

/// <summary>A customer who owes money (the <c>payers</c> sheet).</summary>
public sealed record Payer
{
    public required string PayerId { get; init; }
    public required string Name { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public Province? Province { get; init; }
    public string? GstHstNumber { get; init; }
    public string? QstNumber { get; init; }
    public decimal? CreditLimit { get; init; }
    public Language? Language { get; init; }
    public string? Email { get; init; }
    public RowRef Source { get; init; } = RowRef.None;
}
