namespace Allometry.Adapters.Ledger.Writing;

using Allometry.Core.Imports;
using Allometry.Core.Sample;

/// <summary>
/// Writes a ledger as the workbook of import-format.md, either as a folder of
/// <c>&lt;sheet&gt;.csv</c> files or as one .xlsx with a worksheet per sheet. What is written reads
/// back through the ledger importers unchanged. The same batch always gives the same bytes.
/// </summary>
/// <remarks>
/// Each of the batch's sequences is enumerated once per call, sheet by sheet; a batch written
/// twice (CSV and .xlsx) needs re-enumerable sequences, as <see cref="SampleLedger.ToBatch"/> gives.
/// Sheets written: every sheet of <see cref="LedgerBatch.PresentSheets"/> plus the required ones,
/// or all of them when the batch names none.
/// </remarks>
public static class LedgerWorkbookWriter
{
    /// <summary>Writes one <c>&lt;sheet&gt;.csv</c> per sheet into <paramref name="directory"/> (created if missing; files replaced).</summary>
    /// <returns>The paths written, in sheet order.</returns>
    public static IReadOnlyList<string> WriteCsvFolder(LedgerBatch batch, string directory)
    {
        ArgumentNullException.ThrowIfNull(batch);
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        foreach (var table in LedgerTables.From(batch))
        {
            var path = Path.Combine(directory, table.Name + ".csv");
            WriteReplacing(path, stream => CsvTableWriter.Write(stream, table));
            written.Add(path);
        }
        return written;
    }

    /// <inheritdoc cref="WriteCsvFolder(LedgerBatch, string)"/>
    public static IReadOnlyList<string> WriteCsvFolder(SampleLedger ledger, string directory)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        return WriteCsvFolder(ledger.ToBatch(), directory);
    }

    /// <summary>Writes the workbook as .xlsx to <paramref name="output"/>, which is left open.</summary>
    public static void WriteXlsx(LedgerBatch batch, Stream output)
    {
        ArgumentNullException.ThrowIfNull(batch);
        XlsxWriter.Write(output, LedgerTables.From(batch));
    }

    /// <summary>Writes the workbook as an .xlsx file, replacing <paramref name="path"/> only once it is complete.</summary>
    public static void WriteXlsx(LedgerBatch batch, string path)
    {
        ArgumentNullException.ThrowIfNull(batch);
        WriteReplacing(path, stream => WriteXlsx(batch, stream));
    }

    /// <inheritdoc cref="WriteXlsx(LedgerBatch, string)"/>
    public static void WriteXlsx(SampleLedger ledger, string path)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        WriteXlsx(ledger.ToBatch(), path);
    }

    // A reader never sees half a file: the content goes to a sibling temporary file first.
    private static void WriteReplacing(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var temporary = full + ".partial";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                write(stream);
            }
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
