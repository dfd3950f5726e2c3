namespace Allometry.Adapters.Ledger.Tabular;

using System.Globalization;
using System.Text;
using Allometry.Core.Imports;
using ExcelDataReader;

/// <summary>
/// The worksheets of an .xlsx as text cells. Numbers become invariant decimals ("1234.56"),
/// date cells "yyyy-MM-dd", booleans "true"/"false", so every value goes through the same
/// parsers as CSV text.
/// </summary>
internal static class XlsxSheets
{
    public static TabularFile Open(string path, string shown)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        FileStream? stream = null;
        try
        {
            stream = File.OpenRead(path);
            var names = ReadSheetNames(stream);
            var sheets = names
                .Select((name, index) => new TabularSheet(shown, name, () => ReadRows(path, index)))
                .ToList();
            return TabularFile.FromXlsx(sheets, stream);
        }
        catch (Exception e) when (e is not LedgerImportException and not OutOfMemoryException)
        {
            stream?.Dispose();
            throw TabularFile.Reject(ImportIssueCode.UnreadableFile, shown, null, "Excel .xlsx");
        }
    }

    private static List<string> ReadSheetNames(Stream stream)
    {
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(stream, new ExcelReaderConfiguration { LeaveOpen = true });
        var names = new List<string>();
        do
        {
            names.Add(reader.Name);
        }
        while (reader.NextResult());
        return names;
    }

    // Each sheet opens its own reader so sheets can be enumerated independently, in any order.
    private static IEnumerable<TabularRow> ReadRows(string path, int sheetIndex)
    {
        using var stream = File.OpenRead(path);
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(stream);
        for (var i = 0; i < sheetIndex; i++)
        {
            reader.NextResult();
        }
        var rowNumber = 0;
        while (reader.Read())
        {
            rowNumber++;
            var cells = new string?[reader.FieldCount];
            for (var c = 0; c < cells.Length; c++)
            {
                cells[c] = Text(reader.GetValue(c));
            }
            yield return new TabularRow(rowNumber, cells);
        }
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        double d => ToDecimalText(d),
        DateTime dt => dt.TimeOfDay == TimeSpan.Zero
            ? dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : dt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    // Excel stores numbers as doubles; 15 significant digits recover what the user typed
    // (1234.56 stays 1234.56, not 1234.5599999999999).
    private static string ToDecimalText(double d) =>
        double.IsFinite(d)
            ? decimal.Parse(d.ToString("G15", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)
            : d.ToString(CultureInfo.InvariantCulture);
}
