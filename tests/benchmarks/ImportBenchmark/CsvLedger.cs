namespace Allometry.Benchmarks.Import;

using System.Globalization;
using System.Text;
using Allometry.Core.Imports;
using Allometry.Core.Ledger;

internal sealed record CsvFiles(string Payers, string Invoices);

/// <summary>
/// Writes and reads the benchmark's payers.csv and invoices.csv. The reader is a plain streaming
/// split (the generated files have no quotes): it measures the importer, not CSV parsing.
/// </summary>
internal static class CsvLedger
{
    public const string InvoiceHeader = "invoice_id,payer_id,project_id,kind,issue_date,due_date,subtotal,gst,hst,qst,pst,total,balance,retainage_held,tax_province,registration_numbers,currency,status";

    public static CsvFiles Generate(string folder, int rows, int payers)
    {
        var payersPath = Path.Combine(folder, "payers.csv");
        var invoicesPath = Path.Combine(folder, "invoices.csv");
        using (var w = new StreamWriter(payersPath, false, new UTF8Encoding(false), 1 << 16))
        {
            w.WriteLine("payer_id,name");
            for (var p = 1; p <= payers; p++) w.WriteLine($"P-{p:D6},Payer {p}");
        }
        var random = new Random(42);
        var start = new DateOnly(2025, 1, 1);
        using (var w = new StreamWriter(invoicesPath, false, new UTF8Encoding(false), 1 << 16))
        {
            w.WriteLine(InvoiceHeader);
            for (var i = 1; i <= rows; i++)
            {
                var cents = random.Next(1_000, 10_000_000);
                var subtotal = cents / 100m;
                var gst = decimal.Round(subtotal * 0.05m, 2, MidpointRounding.AwayFromZero);
                var qst = decimal.Round(subtotal * 0.09975m, 2, MidpointRounding.AwayFromZero);
                var total = subtotal + gst + qst;
                var balance = i % 3 == 0 ? 0m : total;
                var issue = start.AddDays(i % 400);
                w.Write(string.Create(CultureInfo.InvariantCulture,
                    $"INV-{i:D8},P-{(i % payers) + 1:D6},,progress,{issue:yyyy-MM-dd},{issue.AddDays(30):yyyy-MM-dd},{subtotal:0.00},{gst:0.00},0.00,{qst:0.00},0.00,{total:0.00},{balance:0.00},0.00,QC,,CAD,{(balance == 0 ? "paid" : "open")}\n"));
            }
        }
        return new CsvFiles(payersPath, invoicesPath);
    }

    public static LedgerBatch Read(CsvFiles files) => new()
    {
        Meta = new LedgerMeta { AsOf = new DateOnly(2026, 3, 31), Tenant = "Benchmark" },
        Sources = [new SourceSheet("payers.csv", LedgerSheets.Payers), new SourceSheet("invoices.csv", LedgerSheets.Invoices)],
        PresentSheets = new HashSet<string>([LedgerSheets.Meta, LedgerSheets.Payers, LedgerSheets.Invoices], StringComparer.Ordinal),
        Payers = ReadPayers(files.Payers),
        Invoices = ReadInvoices(files.Invoices),
    };

    private static IEnumerable<Payer> ReadPayers(string path)
    {
        var row = 1;
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            row++;
            var f = line.Split(',');
            yield return new Payer { PayerId = f[0], Name = f[1], Source = new RowRef(0, row) };
        }
    }

    private static IEnumerable<Invoice> ReadInvoices(string path)
    {
        var row = 1;
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            row++;
            var f = line.Split(',');
            yield return new Invoice
            {
                InvoiceId = f[0],
                PayerId = f[1],
                ProjectId = f[2].Length == 0 ? null : f[2],
                Kind = LedgerVocabulary.Parse<InvoiceKind>(f[3]),
                IssueDate = DateOnly.ParseExact(f[4], "yyyy-MM-dd", CultureInfo.InvariantCulture),
                DueDate = DateOnly.ParseExact(f[5], "yyyy-MM-dd", CultureInfo.InvariantCulture),
                Subtotal = decimal.Parse(f[6], CultureInfo.InvariantCulture),
                Gst = decimal.Parse(f[7], CultureInfo.InvariantCulture),
                Hst = decimal.Parse(f[8], CultureInfo.InvariantCulture),
                Qst = decimal.Parse(f[9], CultureInfo.InvariantCulture),
                Pst = decimal.Parse(f[10], CultureInfo.InvariantCulture),
                Total = decimal.Parse(f[11], CultureInfo.InvariantCulture),
                Balance = decimal.Parse(f[12], CultureInfo.InvariantCulture),
                RetainageHeld = decimal.Parse(f[13], CultureInfo.InvariantCulture),
                TaxProvince = LedgerVocabulary.Parse<Province>(f[14]),
                RegistrationNumbers = f[15].Length == 0 ? null : f[15],
                Currency = f[16],
                Status = LedgerVocabulary.Parse<InvoiceStatus>(f[17]),
                Source = new RowRef(1, row),
            };
        }
    }
}
