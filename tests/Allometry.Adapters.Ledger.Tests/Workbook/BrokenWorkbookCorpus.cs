namespace Allometry.Adapters.Ledger.Tests.Workbook;

using Allometry.Core.Imports;
using static Allometry.Core.Imports.ImportIssueCode;

/// <summary>
/// The reader-level corpus of broken workbooks: each case breaks the minimal valid workbook
/// (<see cref="TempWorkbook.Minimal"/>) in one way. Row 2 of invoices is F-1 (C-1, QC:
/// subtotal 1000.00 + GST 50.00 + QST 99.75 = 1149.75), row 3 is F-2 (C-2, ON, HST).
/// </summary>
internal static class BrokenWorkbookCorpus
{
    private const string Inv = "invoices.csv";
    private const string Cad = "CAD";

    public static readonly IReadOnlyDictionary<string, BrokenCase> Cases = new Dictionary<string, BrokenCase>
    {
        // Container and sheets
        ["missing_required_sheet"] = new(w => { w.Delete("payers.csv"); return w.Folder; }, MissingSheet, "ledger", "payers", null, null, null, true, ["payers", "invoices, meta"]),
        ["wrong_sheet_name"] = new(w => { w.Rename(Inv, "Invoices 2026.csv"); return w.Folder; }, MissingSheet, "ledger", "invoices", null, null, null, true, ["invoices", "Invoices 2026, meta, payers"]),
        ["wrong_sheet_name_xlsx"] = new(w => Xlsx(w, ("Invoices 2026", Inv)), MissingSheet, "ledger.xlsx", "invoices", null, null, null, true, ["invoices", "meta, payers, Invoices 2026"]),
        ["empty_file"] = new(w => { w.WriteBytes(Inv, []); return w.Folder; }, EmptyFile, Inv, "invoices", null, null, null, true),
        ["binary_garbage_csv"] = new(w => { w.WriteBytes(Inv, Garbage()); return w.Folder; }, UnreadableFile, Inv, "invoices", null, null, null, true, ["CSV (text)"]),
        ["corrupt_xlsx"] = new(CorruptXlsx, UnreadableFile, "ledger.xlsx", null, null, null, null, true, ["Excel .xlsx"]),
        ["empty_sheet_xlsx"] = new(w => Xlsx(w, ("invoices", null)), EmptySheet, "ledger.xlsx", "invoices", null, null, null, true),
        ["header_only_invoices"] = new(w => Write(w, Inv, TempWorkbook.InvoiceHeader + "\n"), NoDataRows, Inv, "invoices", 1, null, null, true),
        ["folder_not_found"] = new(w => Path.Combine(w.Root, "nope"), FileNotFound, "nope", null, null, null, "{path}", true),
        ["unsupported_format"] = new(w => { var p = Path.Combine(w.Root, "ledger.pdf"); File.WriteAllText(p, "%PDF-1.7"); return p; }, UnsupportedFormat, "ledger.pdf", null, null, null, null, true),
        // Headers
        ["missing_required_column"] = new(w => Write(w, Inv, "invoice_id,payer_id,kind,issue_date,due_date,subtotal,gst,qst,balance\nF-1,C-1,progress,2026-01-15,2026-02-14,1000.00,50.00,99.75,1149.75\n"),
            MissingColumn, Inv, "invoices", 1, "total", null, true, ["total"]),
        ["duplicate_column"] = new(w => Write(w, Inv, TempWorkbook.InvoiceHeader + ",solde\n" + F1() + ",1149.75\n"), DuplicateColumn, Inv, "invoices", 1, "solde", "solde", true, ["balance"]),
        ["missing_meta_value_column"] = new(w => Write(w, "meta.csv", "clé\nas_of\n"), MissingColumn, "meta.csv", "meta", 1, "value", null, true, ["value"]),
        // Meta
        ["missing_as_of"] = new(w => Write(w, "meta.csv", "key,value\ntenant,Béton Saguenay\n"), RequiredValueMissing, "meta.csv", "meta", null, "as_of", null, true),
        ["ambiguous_as_of"] = new(w => Write(w, "meta.csv", "key,value\nas_of,03/04/2026\n"), AmbiguousDate, "meta.csv", "meta", 2, "as_of", "03/04/2026", true, ["2026-04-03", "2026-03-04"]),
        ["bad_meta_date_format"] = new(w => Write(w, "meta.csv", "key,value\nas_of,2026-03-31\ndate_format,jj/mm/aaaa\n"), InvalidDateFormat, "meta.csv", "meta", 3, "date_format", "jj/mm/aaaa", true),
        ["invalid_meta_language"] = new(w => Write(w, "meta.csv", "key,value\nas_of,2026-03-31\nlanguage,espagnol\n"), InvalidLanguage, "meta.csv", "meta", 3, "language", "espagnol", true),
        ["invalid_meta_currency"] = new(w => Write(w, "meta.csv", "key,value\nas_of,2026-03-31\ncurrency,CA$\n"), InvalidCurrency, "meta.csv", "meta", 3, "currency", "CA$", true),
        ["invalid_pst_registration"] = new(w => Write(w, "meta.csv", "key,value\nas_of,2026-03-31\nseller_pst_registrations,BC;XX\n"), InvalidProvince, "meta.csv", "meta", 3, "seller_pst_registrations", "BC;XX", true),
        ["duplicate_meta_key"] = new(w => Write(w, "meta.csv", "key,value\nas_of,2026-03-31\nAS_OF,2026-04-30\n"), DuplicateId, "meta.csv", "meta", 3, "key", "AS_OF", true, ["2"]),
        // Cells
        ["text_in_amount"] = new(w => Invoice(w, ("total", "mille dollars")), InvalidAmount, Inv, "invoices", 2, "total", "mille dollars", false),
        ["ambiguous_date"] = new(w => Invoice(w, ("issue_date", "03/04/2026"), ("due_date", "2026-05-03")), AmbiguousDate, Inv, "invoices", 2, "issue_date", "03/04/2026", false, ["2026-04-03", "2026-03-04"]),
        ["invalid_date"] = new(w => Invoice(w, ("due_date", "2026-02-30")), InvalidDate, Inv, "invoices", 2, "due_date", "2026-02-30", false),
        ["unknown_kind"] = new(w => Invoice(w, ("kind", "acompte")), InvalidChoice, Inv, "invoices", 2, "kind", "acompte", false, ["deposit, progress, final, retainage_release, service, other"]),
        ["blank_required_cell"] = new(w => Invoice(w, ("payer_id", "")), RequiredValueMissing, Inv, "invoices", 2, "payer_id", null, false),
        ["invalid_currency"] = new(w => Invoice(w, ("currency", "dollars")), InvalidCurrency, Inv, "invoices", 2, "currency", "dollars", false),
        ["unknown_province"] = new(w => Write(w, "payers.csv", "payer_id,name,province\nC-1,Béton Saguenay inc.,PQ\nC-2,Northern Glass Ltd.,ON\n"), InvalidProvince, "payers.csv", "payers", 2, "province", "PQ", false),
        ["invalid_payer_language"] = new(w => Write(w, "payers.csv", "payer_id,nom,langue\nC-1,Béton Saguenay inc.,fr\nC-2,Northern Glass Ltd.,de\n"), InvalidLanguage, "payers.csv", "payers", 3, "langue", "de", false),
        ["invalid_boolean"] = new(w => Write(w, "service_contracts.csv", "contract_id,payer_id,annual_fee,renewal_date,service_active\nS-1,C-1,1200.00,2026-06-30,peut-être\n"), InvalidBoolean, "service_contracts.csv", "service_contracts", 2, "service_active", "peut-être", false),
        ["invalid_percentage"] = new(w => Write(w, "projects.csv", Project("deposit_pct", "150")), InvalidPercentage, "projects.csv", "projects", 2, "deposit_pct", "150", false),
        ["invalid_integer"] = new(w => Write(w, "projects.csv", Project("release_days", "soixante")), InvalidInteger, "projects.csv", "projects", 2, "release_days", "soixante", false),
        ["unknown_link_kind"] = new(w => Write(w, "entity_links.csv", "from_payer_id,to_payer_id,kind\nC-1,C-2,parent_company\n"), InvalidChoice, "entity_links.csv", "entity_links", 2, "kind", "parent_company", false, ["parent, affiliate, successor, handoff"]),
        // Row integrity
        ["total_mismatch"] = new(w => Invoice(w, ("total", "1200.00")), TotalMismatch, Inv, "invoices", 2, "total", "1200.00", false, ["1200.00", "1000.00", "149.75", "1149.75"]),
        ["balance_above_total"] = new(w => Invoice(w, ("balance", "2000.00")), BalanceOutOfRange, Inv, "invoices", 2, "balance", "2000.00", false, ["2000.00", "1149.75"]),
        ["negative_balance"] = new(w => Invoice(w, ("balance", "(5.00)")), BalanceOutOfRange, Inv, "invoices", 2, "balance", "(5.00)", false, ["-5.00", "1149.75"]),
        ["credit_note_balance_positive"] = new(w => Invoice(w, ("subtotal", "-1000.00"), ("gst", "-50.00"), ("qst", "-99.75"), ("total", "-1149.75"), ("balance", "10.00")),
            BalanceOutOfRange, Inv, "invoices", 2, "balance", "10.00", false, ["10.00", "-1149.75"]),
        ["due_before_issue"] = new(w => Invoice(w, ("due_date", "2026-01-01")), DateOrder, Inv, "invoices", 2, "due_date", "2026-01-01", false, ["due_date", "issue_date", "2026-01-15"]),
        ["zero_payment"] = new(w => Write(w, "payments.csv", "payment_id,payer_id,received_on,amount\nP-1,C-1,2026-03-01,\"0,00 $\"\n"), AmountNotPositive, "payments.csv", "payments", 2, "amount", "0,00 $", false),
        ["negative_application"] = new(w => Write(w, "payment_applications.csv", "payment_id,invoice_id,amount\nP-1,F-1,-10.00\n"), AmountNotPositive, "payment_applications.csv", "payment_applications", 2, "amount", "-10.00", false),
        ["negative_retainage"] = new(w => Write(w, "retainage.csv", "project_id,invoice_id,held_amount\nPR-1,F-1,-100.00\n"), NegativeAmount, "retainage.csv", "retainage", 2, "held_amount", "-100.00", false),
    };

    public static TheoryData<string> Names => [.. Cases.Keys];

    private static readonly string[] F1Cells = ["F-1", "C-1", "progress", "2026-01-15", "2026-02-14", "1000.00", "50.00", "", "99.75", "1149.75", "1149.75", Cad];

    /// <summary>Row F-1 with some cells changed, quoted as CSV when needed.</summary>
    private static string F1(params (string Column, string Value)[] changes)
    {
        var header = TempWorkbook.InvoiceHeader.Split(',');
        var cells = (string[])F1Cells.Clone();
        foreach (var (column, value) in changes)
        {
            cells[Array.IndexOf(header, column)] = value;
        }
        return string.Join(",", cells.Select(c => c.Contains(',', StringComparison.Ordinal) ? $"\"{c}\"" : c));
    }

    private static string Invoice(TempWorkbook w, params (string Column, string Value)[] changes) =>
        Write(w, Inv, TempWorkbook.MinimalInvoices(F1(changes), "F-2,C-2,final,2026-02-01,2026-03-03,2000.00,,260.00,,2260.00,0.00,CAD"));

    private static string Project(string column, string value)
    {
        const string Header = "project_id,name,site_province,contract_payer_id,deposit_pct,release_days";
        var cells = new[] { "PR-1", "Condos Chicoutimi", "QC", "C-1", "30", "60" };
        cells[Array.IndexOf(Header.Split(','), column)] = value;
        return Header + "\n" + string.Join(",", cells) + "\n";
    }

    private static string Write(TempWorkbook w, string file, string text)
    {
        w.Write(file, text);
        return w.Folder;
    }

    /// <summary>The minimal workbook as ledger.xlsx, with the CSV <c>file</c> stored under sheet <c>name</c> (null: a sheet with no rows).</summary>
    private static string Xlsx(TempWorkbook w, (string Name, string? File) replaced)
    {
        var path = Path.Combine(w.Root, "ledger.xlsx");
        var sheets = new List<(string, IReadOnlyList<IReadOnlyList<string?>>)>();
        foreach (var file in new[] { "meta.csv", "payers.csv", Inv })
        {
            var rows = File.ReadAllLines(w.PathOf(file)).Select(l => (IReadOnlyList<string?>)l.Split(',')).ToList();
            sheets.Add(file == Inv ? (replaced.Name, replaced.File is null ? [] : rows) : (Path.GetFileNameWithoutExtension(file), rows));
        }
        XlsxBuilder.Write(path, sheets);
        return path;
    }

    private static string CorruptXlsx(TempWorkbook w)
    {
        var good = Xlsx(w, ("invoices", Inv));
        var bytes = File.ReadAllBytes(good);
        File.WriteAllBytes(good, bytes[..(bytes.Length / 2)]);
        return good;
    }

    private static byte[] Garbage()
    {
        var random = new Random(20260331);
        var bytes = new byte[4096];
        random.NextBytes(bytes);
        bytes[10] = 0;
        return bytes;
    }
}
