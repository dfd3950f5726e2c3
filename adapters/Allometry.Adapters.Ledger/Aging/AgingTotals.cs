namespace Allometry.Adapters.Ledger.Aging;

using Allometry.Adapters.Ledger.Tabular;
using Allometry.Adapters.Ledger.Values;
using Allometry.Core.Imports;

/// <summary>
/// Checks the totals a report prints against the lines it read, column by column, to the cent
/// (±<see cref="AgingReadContext.Tolerance"/>): a hand-edited export whose lines no longer add up is
/// caught with the total row, the column and the printed value. Group totals (<c>Total for
/// Current</c>, <c>Total for Parent Co</c>) close the group their label row opened; the grand total
/// covers every line since the previous grand total.
/// </summary>
internal sealed class AgingTotals(AgingReadContext context, IReadOnlyList<int> columns)
{
    private readonly List<(string Key, decimal[] Sums)> _groups = [];
    private decimal[] _grand = new decimal[columns.Count];

    /// <summary>The columns whose totals are checked, in the order <see cref="AddLine"/> takes values.</summary>
    public IReadOnlyList<int> Columns { get; } = columns;

    /// <summary>A label row with no amounts: a section ("Current", "1 - 30 days past due") or a parent customer.</summary>
    public void OpenGroup(string label) => _groups.Add((AgingText.Normalize(label), new decimal[Columns.Count]));

    public void AddLine(IReadOnlyList<decimal> values)
    {
        for (var k = 0; k < Columns.Count; k++)
        {
            _grand[k] += values[k];
            foreach (var (_, sums) in _groups) sums[k] += values[k];
        }
    }

    /// <summary>Checks a grand total row and starts a new count.</summary>
    public void CloseGrand(TabularRow row)
    {
        Check(row, _grand);
        _grand = new decimal[Columns.Count];
        _groups.Clear();
    }

    /// <summary>Checks a group total row; false when no open group has that name (the row may be a customer called "Total de …").</summary>
    public bool TryCloseGroup(TabularRow row, string group)
    {
        var index = _groups.FindLastIndex(g => g.Key == group);
        if (index < 0) return false;
        var sums = _groups[index].Sums;
        _groups.RemoveRange(index, _groups.Count - index);
        Check(row, sums);
        return true;
    }

    private void Check(TabularRow row, decimal[] expected)
    {
        for (var k = 0; k < Columns.Count; k++)
        {
            var text = row.Cell(Columns[k]);
            if (text is null) continue;
            if (!AmountParser.TryParseMoney(text, out var printed))
            {
                context.Error(ImportIssueCode.InvalidAmount, row, Columns[k], text);
                continue;
            }
            if (Math.Abs(printed - expected[k]) > AgingReadContext.Tolerance)
            {
                context.Error(ImportIssueCode.AgingTotalMismatch, row, Columns[k], text,
                    AgingReadContext.Money(expected[k]), AgingReadContext.Money(printed));
            }
        }
    }
}
