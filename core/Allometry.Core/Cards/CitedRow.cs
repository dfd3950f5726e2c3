namespace Allometry.Core.Cards;

/// <summary>A ledger row an answer's figure is made of: "INV-10412 · due 2026-10-15 · 12 345,67 $".</summary>
public sealed record CitedRow(string Sheet, string RowId, string Description, string AmountText);
