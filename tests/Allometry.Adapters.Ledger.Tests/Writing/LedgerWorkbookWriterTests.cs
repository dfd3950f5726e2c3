namespace Allometry.Adapters.Ledger.Tests.Writing;

using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using Allometry.Adapters.Ledger.Writing;
using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.Sample;
using ExcelDataReader;

public sealed class LedgerWorkbookWriterTests : IDisposable
{
    /// <summary>The column names of import-format.md, copied by hand.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> ContractHeaders = new Dictionary<string, string[]>
    {
        ["meta"] = ["key", "value"],
        ["payers"] = ["payer_id", "name", "aliases", "province", "gst_hst_number", "qst_number", "credit_limit", "language", "email"],
        ["entity_links"] = ["from_payer_id", "to_payer_id", "kind", "effective_date", "note"],
        ["projects"] = ["project_id", "name", "site_province", "site_city", "pm_email", "contract_payer_id", "current_payer_id", "supply_type",
            "deposit_pct", "retainage_pct", "release_rule", "release_days", "contract_date", "csp_published_on", "reception_on",
            "fin_travaux_on", "completed_on", "status"],
        ["deliveries"] = ["project_id", "milestone", "scheduled_on", "delivered_on", "status"],
        ["quotes"] = ["quote_id", "project_id", "payer_id", "quote_date", "accepted_on", "total_ex_tax", "deposit_pct", "status"],
        ["invoices"] = ["invoice_id", "payer_id", "project_id", "kind", "issue_date", "due_date", "subtotal", "gst", "hst", "qst", "pst",
            "total", "balance", "retainage_held", "tax_province", "registration_numbers", "currency", "status"],
        ["payments"] = ["payment_id", "payer_id", "received_on", "amount", "reference", "method"],
        ["payment_applications"] = ["payment_id", "invoice_id", "amount"],
        ["retainage"] = ["project_id", "invoice_id", "held_amount", "release_due_on", "released_on", "release_invoice_id", "collected_on"],
        ["service_contracts"] = ["contract_id", "payer_id", "project_id", "annual_fee", "renewal_date", "service_active", "last_renewal_invoice_id"],
        ["promises"] = ["payer_id", "invoice_id", "promised_on", "promised_amount", "recorded_on"],
        ["bank_transactions"] = ["transaction_id", "posted_on", "amount", "description", "reference", "account"],
    };

    private static readonly SampleLedger Sample = SampleOperatorGenerator.Generate();
    private readonly TempFolder _temp = new();

    [Fact]
    public void WriteCsvFolder_Sample_OneFilePerSheetWithTheContractHeaders()
    {
        // Act
        var written = LedgerWorkbookWriter.WriteCsvFolder(Sample, _temp.Folder("csv"));

        // Assert
        Assert.Equal(LedgerSheets.All.Select(s => s + ".csv"), written.Select(Path.GetFileName));
        Assert.All(LedgerSheets.All, sheet =>
        {
            var lines = File.ReadAllLines(Path.Combine(_temp.Folder("csv"), sheet + ".csv"), Encoding.UTF8);
            Assert.Equal(string.Join(',', ContractHeaders[sheet]), lines[0]);
            Assert.True(lines.Length > 1, sheet);
        });
    }

    [Fact]
    public void WriteCsvFolder_SameSampleTwice_ByteIdenticalFiles()
    {
        // Act
        LedgerWorkbookWriter.WriteCsvFolder(SampleOperatorGenerator.Generate(), _temp.Folder("a"));
        LedgerWorkbookWriter.WriteCsvFolder(SampleOperatorGenerator.Generate(), _temp.Folder("b"));

        // Assert
        Assert.All(LedgerSheets.All, sheet =>
            Assert.Equal(File.ReadAllBytes(Path.Combine(_temp.Folder("a"), sheet + ".csv")), File.ReadAllBytes(Path.Combine(_temp.Folder("b"), sheet + ".csv"))));
    }

    [Fact]
    public void WriteXlsx_SameSampleTwice_ByteIdenticalFiles()
    {
        // Act
        LedgerWorkbookWriter.WriteXlsx(SampleOperatorGenerator.Generate(), _temp.File("a.xlsx"));
        LedgerWorkbookWriter.WriteXlsx(SampleOperatorGenerator.Generate(), _temp.File("b.xlsx"));

        // Assert
        Assert.Equal(File.ReadAllBytes(_temp.File("a.xlsx")), File.ReadAllBytes(_temp.File("b.xlsx")));
        Assert.Equal(["a.xlsx", "b.xlsx"], Directory.GetFiles(_temp.Path).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void WriteXlsx_DifferentSeed_DifferentBytes()
    {
        // Arrange
        using var first = new MemoryStream();
        using var second = new MemoryStream();

        // Act
        LedgerWorkbookWriter.WriteXlsx(Sample.ToBatch(), first);
        LedgerWorkbookWriter.WriteXlsx(SampleOperatorGenerator.Generate(seed: 8).ToBatch(), second);

        // Assert
        Assert.NotEqual(first.ToArray(), second.ToArray());
    }

    [Fact]
    public void WriteXlsx_Sample_WorkbookXmlNamesTheContractSheets()
    {
        // Arrange
        using var buffer = new MemoryStream();
        LedgerWorkbookWriter.WriteXlsx(Sample.ToBatch(), buffer);

        // Act
        using var zip = new ZipArchive(new MemoryStream(buffer.ToArray()));
        using var workbook = zip.GetEntry("xl/workbook.xml")!.Open();
        var names = XDocument.Load(workbook).Descendants().Where(e => e.Name.LocalName == "sheet").Select(e => (string)e.Attribute("name")!);

        // Assert
        Assert.Equal(LedgerSheets.All, names);
    }

    [Fact]
    public void WriteCsvFolder_Sample_ValuesSpelledAsTheContractSays()
    {
        // Act
        LedgerWorkbookWriter.WriteCsvFolder(Sample, _temp.Path);
        var meta = File.ReadAllText(_temp.File("meta.csv"));
        var invoices = Table("invoices.csv");
        var projects = File.ReadAllText(_temp.File("projects.csv"));
        var payers = Table("payers.csv");
        var contracts = Table("service_contracts.csv");

        // Assert
        Assert.Contains("as_of,2026-11-20\r\n", meta, StringComparison.Ordinal);
        Assert.Contains("seller_pst_registrations,BC\r\n", meta, StringComparison.Ordinal);
        Assert.Contains("language,fr\r\n", meta, StringComparison.Ordinal);
        Assert.Contains(invoices, r => r["kind"] == "retainage_release");
        Assert.All(invoices, r =>
        {
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", r["issue_date"]);
            Assert.Matches(@"^-?\d+\.\d{2}$", r["total"]);
            Assert.Matches(@"^(QC|ON|NS|BC)$", r["tax_province"]);
            Assert.Matches("^(open|paid)$", r["status"]);
        });
        Assert.Contains("\"Bornes de recharge — Quartier Les Méandres, Lévis\"", projects, StringComparison.Ordinal);
        Assert.Contains(",qc_reception,", projects, StringComparison.Ordinal);
        Assert.Contains(payers, r => r["aliases"] == "Groupe Erabliere Capital;GEC" && r["name"] == "Groupe Érablière Capital inc.");
        Assert.All(contracts, r => Assert.Equal("true", r["service_active"]));
    }

    [Fact]
    public void WriteXlsx_Sample_CellsMatchTheCsvFolder()
    {
        // Arrange
        LedgerWorkbookWriter.WriteCsvFolder(Sample, _temp.Folder("csv"));
        LedgerWorkbookWriter.WriteXlsx(Sample, _temp.File("sample.xlsx"));

        // Act
        using var stream = File.OpenRead(_temp.File("sample.xlsx"));
        using var reader = ExcelReading.Open(stream);
        var sheets = new List<string>();
        do
        {
            sheets.Add(reader.Name);
            var csv = File.ReadAllLines(Path.Combine(_temp.Folder("csv"), reader.Name + ".csv")).Select(ParseCsvLine).ToList();
            var row = 0;
            while (reader.Read())
            {
                // Assert (row by row)
                var expected = csv[row++];
                for (var c = 0; c < expected.Length; c++)
                {
                    AssertSameCell(expected[c], reader.GetValue(c));
                }
            }
            Assert.Equal(csv.Count, row);
        }
        while (reader.NextResult());

        // Assert
        Assert.Equal(LedgerSheets.All, sheets);
    }

    [Fact]
    public void WriteCsvFolder_BatchWithInvoicesOnly_WritesTheRequiredSheets()
    {
        // Arrange
        var batch = new LedgerBatch
        {
            Meta = new LedgerMeta { AsOf = new DateOnly(2026, 11, 20) },
            PresentSheets = new HashSet<string> { LedgerSheets.Invoices },
            Invoices = [Sample.Invoices[0]],
        };

        // Act
        var written = LedgerWorkbookWriter.WriteCsvFolder(batch, _temp.Path);

        // Assert
        Assert.Equal(["meta.csv", "payers.csv", "invoices.csv"], written.Select(Path.GetFileName));
        Assert.Single(File.ReadAllLines(_temp.File("payers.csv")));
        Assert.Equal(2, File.ReadAllLines(_temp.File("invoices.csv")).Length);
    }

    public void Dispose() => _temp.Dispose();

    private List<Dictionary<string, string>> Table(string file)
    {
        var lines = File.ReadAllLines(_temp.File(file)).Select(ParseCsvLine).ToList();
        return [.. lines.Skip(1).Select(cells => lines[0].Zip(cells).ToDictionary(p => p.First, p => p.Second))];
    }

    // Enough of RFC 4180 for single-line records: quoted fields with doubled quotes.
    private static string[] ParseCsvLine(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted && ch == '"' && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
            else if (ch == '"') quoted = !quoted;
            else if (ch == ',' && !quoted) { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(ch);
        }
        cells.Add(cell.ToString());
        return [.. cells];
    }

    // Excel numbers come back as doubles: 15 significant digits recover the decimal that was written.
    private static void AssertSameCell(string csv, object? xlsx)
    {
        switch (xlsx)
        {
            case double d:
                Assert.Equal(decimal.Parse(csv, CultureInfo.InvariantCulture),
                    decimal.Parse(d.ToString("G15", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture));
                break;
            default:
                Assert.Equal(csv, Convert.ToString(xlsx, CultureInfo.InvariantCulture) ?? string.Empty);
                break;
        }
    }
}
