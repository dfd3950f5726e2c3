namespace Allometry.Adapters.Ledger.Tabular;

/// <summary>One row of a sheet as text cells; <see cref="Number"/> is 1-based as a spreadsheet shows it.</summary>
internal sealed record TabularRow(int Number, IReadOnlyList<string?> Cells)
{
    /// <summary>The trimmed cell at <paramref name="index"/>, or null when absent or blank.</summary>
    public string? Cell(int index) =>
        index >= 0 && index < Cells.Count && !string.IsNullOrWhiteSpace(Cells[index]) ? Cells[index]!.Trim() : null;

    public bool IsBlank
    {
        get
        {
            // A loop, not LINQ: asked of every row of a million-row sheet.
            for (var i = 0; i < Cells.Count; i++)
            {
                if (!string.IsNullOrWhiteSpace(Cells[i])) return false;
            }
            return true;
        }
    }
}
