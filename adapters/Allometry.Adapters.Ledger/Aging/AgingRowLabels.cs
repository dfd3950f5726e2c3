namespace Allometry.Adapters.Ledger.Aging;

using Allometry.Adapters.Ledger.Tabular;

/// <summary>
/// Recognizes the label rows reports interleave with their lines: <c>TOTAL</c> / <c>Total général</c>
/// (the grand total) and <c>Total for Current</c> / <c>Total pour Courant</c> (a group's total).
/// A customer whose name merely starts with "Total" (<c>Total Électrique inc.</c>) is not one.
/// </summary>
internal static class AgingRowLabels
{
    private static readonly string[] GrandTotals = ["total", "grand total", "total general", "totaux", "total global", "report total", "total du rapport"];
    private static readonly string[] GroupPrefixes = ["total for ", "total pour ", "total de ", "total du ", "total des ", "total - ", "total: ", "sous-total ", "subtotal "];

    /// <summary>The first non-blank cell: where reports print section and total labels.</summary>
    public static string? FirstText(TabularRow row)
    {
        for (var i = 0; i < row.Cells.Count; i++)
        {
            if (row.Cell(i) is { } text) return text;
        }
        return null;
    }

    /// <summary>True for a total row; <paramref name="group"/> is the normalized group it closes, or null for the grand total.</summary>
    public static bool IsTotal(string? label, out string? group)
    {
        group = null;
        var normalized = AgingText.Normalize(label);
        if (normalized.Length == 0) return false;
        if (GrandTotals.Contains(normalized, StringComparer.Ordinal)) return true;
        foreach (var prefix in GroupPrefixes)
        {
            if (normalized.StartsWith(prefix, StringComparison.Ordinal) && normalized.Length > prefix.Length)
            {
                group = normalized[prefix.Length..].Trim();
                return true;
            }
        }
        return false;
    }
}
