namespace Allometry.Adapters.Ledger.Tests.Workbook;

using System.Globalization;
using Allometry.Adapters.Ledger.Tabular;
using Allometry.Adapters.Ledger.Writing;

/// <summary>
/// Workbooks for the reader's tests, written with the product's <see cref="XlsxWriter"/> the way
/// Excel stores typed cells: plain invariant decimals as numeric cells, everything else as text.
/// </summary>
internal static class XlsxBuilder
{
    /// <summary>Writes the sheets in order; each sheet's first row is its header (no rows: an empty sheet).</summary>
    public static void Write(string path, IReadOnlyList<(string Name, IReadOnlyList<IReadOnlyList<string?>> Rows)> sheets)
    {
        using var file = File.Create(path);
        XlsxWriter.Write(file, [.. sheets.Select(s => new XlsxSheet(s.Name, [], s.Rows.Select(Cells)))]);
    }

    /// <summary>Every <c>.csv</c> of a folder as a sheet named after the file, cells split as the CSV reader splits them.</summary>
    public static void FromCsvFolder(string folder, string path)
    {
        var sheets = Directory.EnumerateFiles(folder, "*.csv").Order(StringComparer.Ordinal)
            .Select(f =>
            {
                using var file = TabularFile.Open(f);
                IReadOnlyList<IReadOnlyList<string?>> rows = [.. file.Sheets[0].Rows().Select(r => r.Cells)];
                return (Path.GetFileNameWithoutExtension(f), rows);
            })
            .ToList();
        Write(path, sheets);
    }

    private static IReadOnlyList<XlsxCell> Cells(IReadOnlyList<string?> row) =>
        [.. row.Select(text => decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? XlsxCell.FromNumber(number)
            : XlsxCell.FromText(string.IsNullOrEmpty(text) ? null : text))];
}
