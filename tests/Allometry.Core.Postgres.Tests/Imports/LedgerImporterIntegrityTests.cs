namespace Allometry.Core.Postgres.Tests.Imports;

using Allometry.Core.Imports;
using Allometry.Core.Postgres.Imports;
using Allometry.Testing;

/// <summary>Every integrity error names sheet, row, column and value, and nothing is written.</summary>
[Collection(PostgresCollection.Name)]
public sealed class LedgerImporterIntegrityTests(PostgresFixture postgres)
{
    private readonly LedgerImporter _importer = new(postgres.DataSource);

    private static string NewTenant() => "tenant-" + Guid.NewGuid().ToString("N")[..8];

    private static LedgerBatchBuilder Base() => new LedgerBatchBuilder()
        .Payer("P1").Payer("P2")
        .Invoice("INV1", "P1", 100m).Invoice("INV2", "P2", 200m)
        .Payment("PAY1", "P1", 150m);

    private async Task<(LedgerImportException Error, IReadOnlyDictionary<string, long> Before, IReadOnlyDictionary<string, long> After)> RejectAsync(string tenant, LedgerBatch batch)
    {
        var before = await LedgerProbe.CountsAsync(postgres.DataSource, tenant);
        var error = await Assert.ThrowsAsync<LedgerImportException>(() => _importer.ImportAsync(tenant, batch, CancellationToken.None));
        var after = await LedgerProbe.CountsAsync(postgres.DataSource, tenant);
        return (error, before, after);
    }

    private static void AssertIssue(ImportIssue issue, ImportIssueCode code, string sheet, int row, string column, string? value)
    {
        Assert.Equal(ImportSeverity.Error, issue.Severity);
        Assert.Equal(code, issue.Code);
        Assert.Equal(new ImportLocation(LedgerBatchBuilder.File, sheet, row, column), issue.Location);
        Assert.Equal(value, issue.Value);
    }

    [Fact]
    public async Task ImportAsync_DuplicateInvoiceIdOnFirstImport_ReportsBothRowsAndWritesNothing()
    {
        // Arrange
        var tenant = NewTenant();
        var batch = Base().Invoice("INV1", "P2", 5m).Build();

        // Act
        var (error, before, after) = await RejectAsync(tenant, batch);

        // Assert
        var issue = Assert.Single(error.Errors);
        AssertIssue(issue, ImportIssueCode.DuplicateId, LedgerSheets.Invoices, 4, "invoice_id", "INV1");
        Assert.Equal(["2"], issue.Args);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task ImportAsync_DuplicateInvoiceIdOnLaterImport_IsReportedAndNothingChanges()
    {
        // Arrange
        var tenant = NewTenant();
        await _importer.ImportAsync(tenant, Base().Build(), CancellationToken.None);
        var batch = Base().Invoice("INV2", "P2", 5m).Build();

        // Act
        var (error, before, after) = await RejectAsync(tenant, batch);

        // Assert
        var issue = Assert.Single(error.Errors);
        AssertIssue(issue, ImportIssueCode.DuplicateId, LedgerSheets.Invoices, 4, "invoice_id", "INV2");
        Assert.Equal(["3"], issue.Args);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task ImportAsync_DuplicatePayerId_IsReported()
    {
        // Arrange
        var tenant = NewTenant();
        var batch = Base().Payer("P1", "Again").Build();

        // Act
        var (error, before, after) = await RejectAsync(tenant, batch);

        // Assert
        AssertIssue(Assert.Single(error.Errors), ImportIssueCode.DuplicateId, LedgerSheets.Payers, 4, "payer_id", "P1");
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task ImportAsync_UnknownPayerOnInvoice_ReportsTheCellAndWritesNothing()
    {
        // Arrange
        var tenant = NewTenant();
        var batch = Base().Invoice("INV3", "NOPE", 5m).Build();

        // Act
        var (error, before, after) = await RejectAsync(tenant, batch);

        // Assert
        var issue = Assert.Single(error.Errors);
        AssertIssue(issue, ImportIssueCode.UnknownReference, LedgerSheets.Invoices, 4, "payer_id", "NOPE");
        Assert.Equal(["payer"], issue.Args);
        Assert.Equal(before, after);
        Assert.Contains("row 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAsync_UnknownPayerOnLaterImport_IsReported()
    {
        // Arrange
        var tenant = NewTenant();
        await _importer.ImportAsync(tenant, Base().Build(), CancellationToken.None);
        var batch = new LedgerBatchBuilder().Invoice("INV3", "P1", 1m).Invoice("INV4", "NOPE", 5m).Build();

        // Act
        var (error, before, after) = await RejectAsync(tenant, batch);

        // Assert
        AssertIssue(Assert.Single(error.Errors), ImportIssueCode.UnknownReference, LedgerSheets.Invoices, 3, "payer_id", "NOPE");
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task ImportAsync_UnknownProjectOnInvoice_IsReported()
    {
        // Arrange
        var tenant = NewTenant();
        var batch = Base().Invoice("INV3", "P1", 5m, projectId: "PRX").Build();

        // Act
        var (error, _, _) = await RejectAsync(tenant, batch);

        // Assert
        var issue = Assert.Single(error.Errors);
        AssertIssue(issue, ImportIssueCode.UnknownReference, LedgerSheets.Invoices, 4, "project_id", "PRX");
        Assert.Equal(["project"], issue.Args);
    }

    [Fact]
    public async Task ImportAsync_UnknownInvoiceOnApplication_IsReported()
    {
        // Arrange
        var tenant = NewTenant();
        var batch = Base().Application("PAY1", "INV1", 50m).Application("PAY1", "INV404", 10m).Build();

        // Act
        var (error, before, after) = await RejectAsync(tenant, batch);

        // Assert
        var issue = Assert.Single(error.Errors);
        AssertIssue(issue, ImportIssueCode.UnknownReference, LedgerSheets.PaymentApplications, 3, "invoice_id", "INV404");
        Assert.Equal(["invoice"], issue.Args);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task ImportAsync_PaymentOverApplied_PointsAtTheApplicationThatExceedsIt()
    {
        // Arrange
        var tenant = NewTenant();
        var batch = Base().Application("PAY1", "INV1", 100m).Application("PAY1", "INV2", 50.01m).Build();

        // Act
        var (error, before, after) = await RejectAsync(tenant, batch);

        // Assert
        var issue = Assert.Single(error.Errors);
        AssertIssue(issue, ImportIssueCode.PaymentOverApplied, LedgerSheets.PaymentApplications, 3, "amount", "50.01");
        Assert.Equal(["PAY1", "150.01", "150.00"], issue.Args);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task ImportAsync_PaymentOverAppliedWithStoredApplications_IsReported()
    {
        // Arrange
        var tenant = NewTenant();
        await _importer.ImportAsync(tenant, Base().Application("PAY1", "INV1", 100m).Build(), CancellationToken.None);
        var batch = new LedgerBatchBuilder().Application("PAY1", "INV2", 60m).Build();

        // Act
        var (error, before, after) = await RejectAsync(tenant, batch);

        // Assert
        var issue = Assert.Single(error.Errors);
        AssertIssue(issue, ImportIssueCode.PaymentOverApplied, LedgerSheets.PaymentApplications, 2, "amount", "60.00");
        Assert.Equal(["PAY1", "160.00", "150.00"], issue.Args);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task ImportAsync_PaymentLoweredBelowItsStoredApplications_PointsAtThePayment()
    {
        // Arrange: no application in the re-import names PAY1; only its stored one is over the new amount.
        var tenant = NewTenant();
        await _importer.ImportAsync(tenant, Base().Application("PAY1", "INV1", 100m).Build(), CancellationToken.None);
        var batch = new LedgerBatchBuilder().Payment("PAY1", "P1", 80.00m).Build();

        // Act
        var (error, before, after) = await RejectAsync(tenant, batch);

        // Assert
        var issue = Assert.Single(error.Errors);
        AssertIssue(issue, ImportIssueCode.PaymentOverApplied, LedgerSheets.Payments, 2, "amount", "80.00");
        Assert.Equal(["PAY1", "100.00", "80.00"], issue.Args);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task ImportAsync_InvoiceOverApplied_IsReported()
    {
        // Arrange
        var tenant = NewTenant();
        var batch = Base().Payment("PAY2", "P1", 500m).Application("PAY1", "INV1", 60m).Application("PAY2", "INV1", 40.01m).Build();

        // Act
        var (error, before, after) = await RejectAsync(tenant, batch);

        // Assert
        var issue = Assert.Single(error.Errors);
        AssertIssue(issue, ImportIssueCode.InvoiceOverApplied, LedgerSheets.PaymentApplications, 3, "amount", "40.01");
        Assert.Equal(["INV1", "100.01", "100.00"], issue.Args);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task ImportAsync_ReaderErrors_WritesNothingAndReturnsThem()
    {
        // Arrange
        var tenant = NewTenant();
        var issues = new ImportIssueCollector();
        var readerError = ImportIssue.Error(ImportIssueCode.InvalidAmount, new ImportLocation(LedgerBatchBuilder.File, LedgerSheets.Invoices, 7, "total"), "abc");
        issues.Add(readerError);

        // Act
        var (error, before, after) = await RejectAsync(tenant, Base().Build(issues));

        // Assert
        Assert.Equal(readerError, Assert.Single(error.Errors));
        Assert.Equal(before, after);
        Assert.Equal(0, after["tenants"]);
    }

    [Fact]
    public async Task ImportAsync_AmountWithThreeDecimals_IsRejectedNotRounded()
    {
        // Arrange
        var tenant = NewTenant();
        var batch = Base().Invoice("INV3", "P1", 1.005m).Build();

        // Act
        var (error, _, after) = await RejectAsync(tenant, batch);

        // Assert
        Assert.Contains(error.Errors, i => i.Code == ImportIssueCode.InvalidAmount
            && i.Location == new ImportLocation(LedgerBatchBuilder.File, LedgerSheets.Invoices, 4, "total") && i.Value == "1.005");
        Assert.Equal(0, after["invoices"]);
    }

    [Fact]
    public async Task ImportAsync_ResolvedFromStoredRows_IsAccepted()
    {
        // Arrange
        var tenant = NewTenant();
        await _importer.ImportAsync(tenant, Base().Build(), CancellationToken.None);
        var batch = new LedgerBatchBuilder().Application("PAY1", "INV2", 150m).Build();

        // Act
        var result = await _importer.ImportAsync(tenant, batch, CancellationToken.None);

        // Assert
        Assert.Equal(1, result.Inserted);
    }
}
