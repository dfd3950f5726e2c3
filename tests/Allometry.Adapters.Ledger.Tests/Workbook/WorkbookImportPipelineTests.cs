namespace Allometry.Adapters.Ledger.Tests.Workbook;

using Allometry.Adapters.Ledger.Workbook;
using Allometry.Core.Imports;
using Allometry.Core.Postgres.Imports;
using Allometry.Testing;
using static Allometry.Core.Imports.ImportIssueCode;

/// <summary>
/// The cross-sheet part of the broken-input corpus, through the real pipeline: the workbook
/// reader, then the SQL importer on a real PostgreSQL. Each case first imports the valid
/// minimal workbook for a fresh tenant, then the broken one: the error is located exactly and
/// the tenant's tables are unchanged.
/// </summary>
[Collection(WorkbookPostgresCollection.Name)]
public sealed class WorkbookImportPipelineTests(PostgresFixture postgres)
{
    private const string Inv = "invoices.csv";
    private const string F2 = "F-2,C-2,final,2026-02-01,2026-03-03,2000.00,,260.00,,2260.00,0.00,CAD";
    private const string F1 = "F-1,C-1,progress,2026-01-15,2026-02-14,1000.00,50.00,,99.75,1149.75,1149.75,";

    private readonly LedgerImporter _importer = new(postgres.DataSource);
    private readonly LedgerWorkbookSource _source = new();

    public static readonly IReadOnlyDictionary<string, BrokenCase> Cases = new Dictionary<string, BrokenCase>
    {
        ["duplicate_id"] = new(w => Write(w, Inv, TempWorkbook.MinimalInvoices(F1, F2, F1.Replace("C-1", "C-2", StringComparison.Ordinal))),
            DuplicateId, Inv, "invoices", 4, "invoice_id", "F-1", false, ["2"]),
        ["unknown_payer_reference"] = new(w => Write(w, Inv, TempWorkbook.MinimalInvoices(F1.Replace("C-1", "C-9", StringComparison.Ordinal), F2)),
            UnknownReference, Inv, "invoices", 2, "payer_id", "C-9", false, ["payer"]),
        ["unknown_invoice_in_application"] = new(w => Cash(w, "P-1,C-1,2026-03-01,100.00", "P-1,F-9,100.00"),
            UnknownReference, "payment_applications.csv", "payment_applications", 2, "invoice_id", "F-9", false, ["invoice"]),
        ["over_applied_payment"] = new(w => Cash(w, "P-1,C-1,2026-03-01,100.00", "P-1,F-1,80.00\nP-1,F-2,50.00"),
            PaymentOverApplied, "payment_applications.csv", "payment_applications", 3, "amount", "50.00", false, ["P-1", "130.00", "100.00"]),
        ["over_applied_invoice"] = new(w => Cash(w, "P-1,C-1,2026-03-01,1149.75\nP-2,C-1,2026-03-02,100.00", "P-1,F-1,1149.75\nP-2,F-1,100.00"),
            InvoiceOverApplied, "payment_applications.csv", "payment_applications", 3, "amount", "100.00", false, ["F-1", "1249.75", "1149.75"]),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task ImportAsync_CrossSheetError_LocatedExactlyAndNothingWritten(string name)
    {
        // Arrange
        var expected = Cases[name];
        var tenant = "wb-" + Guid.NewGuid().ToString("N")[..10];
        using (var valid = TempWorkbook.Minimal())
        {
            await _importer.ImportAsync(tenant, _source.Read(valid.Folder, new LedgerReadOptions()));
        }
        using var workbook = TempWorkbook.Minimal();
        var batch = _source.Read(expected.Arrange(workbook), new LedgerReadOptions());
        var before = await TenantCounts.ReadAsync(postgres.DataSource, tenant);

        // Act
        var rejected = await Assert.ThrowsAsync<LedgerImportException>(() => _importer.ImportAsync(tenant, batch));

        // Assert
        var error = WorkbookAssert.SingleError(rejected.Issues, expected.Code, expected.File, expected.Sheet, expected.Row, expected.Column, expected.Value);
        Assert.Equal(expected.Args, error.Args);
        Assert.Equal(before, await TenantCounts.ReadAsync(postgres.DataSource, tenant));
        Assert.Equal(1, before["imports"]);
    }

    [Fact]
    public async Task ImportAsync_ValidFixtureTwice_WritesOnceThenChangesNothing()
    {
        // Arrange
        var tenant = "wb-" + Guid.NewGuid().ToString("N")[..10];
        var path = TempWorkbook.FixturePath("valid");

        // Act
        var first = await _importer.ImportAsync(tenant, _source.Read(path, new LedgerReadOptions()));
        var second = await _importer.ImportAsync(tenant, _source.Read(path, new LedgerReadOptions()));

        // Assert
        var counts = await TenantCounts.ReadAsync(postgres.DataSource, tenant);
        Assert.Equal((4L, 7L, 4L, 3L, 3L), (counts["payers"], counts["invoices"], counts["payments"], counts["payment_applications"], counts["bank_transactions"]));
        Assert.Equal(first.Read, first.Inserted);
        Assert.True(second.IsUnchanged);
        Assert.Equal(first.ContentSha256, second.ContentSha256);
        Assert.Equal(0, counts["ledger_history"]);
    }

    [Fact]
    public async Task ImportAsync_ReaderErrorInARow_NothingWritten()
    {
        // Arrange
        var tenant = "wb-" + Guid.NewGuid().ToString("N")[..10];
        using var workbook = TempWorkbook.Minimal();
        workbook.Write(Inv, TempWorkbook.MinimalInvoices(F1.Replace("1149.75,1149.75", "1149.75,abc", StringComparison.Ordinal), F2));
        var batch = _source.Read(workbook.Folder, new LedgerReadOptions());

        // Act
        var rejected = await Assert.ThrowsAsync<LedgerImportException>(() => _importer.ImportAsync(tenant, batch));

        // Assert
        WorkbookAssert.SingleError(rejected.Issues, InvalidAmount, Inv, "invoices", 2, "balance", "abc");
        Assert.All(await TenantCounts.ReadAsync(postgres.DataSource, tenant), c => Assert.Equal(0, c.Value));
    }

    private static string Write(TempWorkbook w, string file, string text)
    {
        w.Write(file, text);
        return w.Folder;
    }

    private static string Cash(TempWorkbook w, string payments, string applications)
    {
        w.Write("payments.csv", "payment_id,payer_id,received_on,amount\n" + payments + "\n");
        w.Write("payment_applications.csv", "payment_id,invoice_id,amount\n" + applications + "\n");
        return w.Folder;
    }
}
