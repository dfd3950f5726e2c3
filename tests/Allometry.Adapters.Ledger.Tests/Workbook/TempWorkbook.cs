namespace Allometry.Adapters.Ledger.Tests.Workbook;

using System.Text;

/// <summary>
/// A workbook folder in a temporary directory: a copy of a fixture or a minimal valid ledger,
/// edited by one test to break one thing. Deleted on dispose.
/// </summary>
public sealed class TempWorkbook : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("allometry-wb-").FullName;

    private TempWorkbook(string folderName)
    {
        Folder = Path.Combine(_root, folderName);
        Directory.CreateDirectory(Folder);
    }

    /// <summary>The workbook folder; its name is what messages call the input.</summary>
    public string Folder { get; }

    public string Root => _root;

    public static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Workbook", name);

    /// <summary>A copy of Fixtures/Workbook/<paramref name="fixture"/>.</summary>
    public static TempWorkbook CopyOf(string fixture)
    {
        var workbook = new TempWorkbook(fixture);
        foreach (var file in Directory.EnumerateFiles(FixturePath(fixture)))
        {
            File.Copy(file, Path.Combine(workbook.Folder, Path.GetFileName(file)));
        }
        return workbook;
    }

    /// <summary>
    /// The smallest valid ledger: as_of in meta, two payers, two invoices (QC with GST+QST,
    /// ON with HST). Row 2 of invoices is F-1 for C-1.
    /// </summary>
    public static TempWorkbook Minimal()
    {
        var workbook = new TempWorkbook("ledger");
        workbook.Write("meta.csv", "key,value\nas_of,2026-03-31\n");
        workbook.Write("payers.csv", "payer_id,name,province,language\nC-1,Béton Saguenay inc.,QC,fr\nC-2,Northern Glass Ltd.,ON,en\n");
        workbook.Write("invoices.csv", MinimalInvoices(
            "F-1,C-1,progress,2026-01-15,2026-02-14,1000.00,50.00,,99.75,1149.75,1149.75,",
            "F-2,C-2,final,2026-02-01,2026-03-03,2000.00,,260.00,,2260.00,0.00,CAD"));
        return workbook;
    }

    public const string InvoiceHeader = "invoice_id,payer_id,kind,issue_date,due_date,subtotal,gst,hst,qst,total,balance,currency";

    public static string MinimalInvoices(params string[] rows) => InvoiceHeader + "\n" + string.Join("\n", rows) + "\n";

    public string PathOf(string file) => Path.Combine(Folder, file);

    public void Write(string file, string text) => File.WriteAllText(PathOf(file), text, new UTF8Encoding(false));

    public void WriteBytes(string file, byte[] bytes) => File.WriteAllBytes(PathOf(file), bytes);

    public void Delete(string file) => File.Delete(PathOf(file));

    public void Rename(string from, string to) => File.Move(PathOf(from), PathOf(to));

    /// <summary>Replaces the one occurrence of <paramref name="old"/> in <paramref name="file"/>; fails the test when absent.</summary>
    public void Replace(string file, string old, string replacement)
    {
        var text = File.ReadAllText(PathOf(file));
        Assert.Contains(old, text, StringComparison.Ordinal);
        File.WriteAllText(PathOf(file), text.Replace(old, replacement, StringComparison.Ordinal), new UTF8Encoding(false));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
