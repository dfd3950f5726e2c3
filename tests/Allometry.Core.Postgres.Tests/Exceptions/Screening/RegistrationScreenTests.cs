namespace Allometry.Core.Postgres.Tests.Exceptions.Screening;

using System.Globalization;
using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.Postgres.Exceptions.Screening;
using Allometry.Core.Postgres.Imports;
using Allometry.Core.Postgres.Tests.Imports;
using Allometry.Core.Rules;
using Allometry.Core.Sample;
using Allometry.Testing;

/// <summary>
/// <see cref="RegistrationScreen"/> returns exactly the projects (and projectless invoices) where
/// MissingRegistrationNumber reports over the whole ledger: the rule's condition is row-local once
/// each distinct printed string is parsed.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class RegistrationScreenTests(PostgresFixture postgres)
{
    private const string GstOnly = "TPS/GST 123456782 RT0001";
    private const string BadCheckDigit = "TPS/GST 123456789 RT0001 — TVQ/QST 1234567890 TQ0001";

    private readonly ScreenHarness _harness = new(postgres);
    private readonly LedgerImporter _importer = new(postgres.DataSource);

    private async Task<string> ImportAsync(LedgerBatch batch)
    {
        var tenant = "reg-" + Guid.NewGuid().ToString("N")[..8];
        await _importer.ImportAsync(tenant, batch, CancellationToken.None);
        return tenant;
    }

    private static LedgerBatch Boundaries()
    {
        var b = TaxLedger.Build();
        string? Printed(string id) => b.Invoices.Single(i => i.InvoiceId == id).RegistrationNumbers;
        void Print(string id, string? text, Func<Invoice, Invoice>? change = null)
        {
            var index = b.Invoices.FindIndex(i => i.InvoiceId == id);
            b.Invoices[index] = (change ?? (i => i))(b.Invoices[index] with { RegistrationNumbers = text });
        }
        Assert.Equal(TaxLedger.ValidNumbers, Printed("QC-1"));
        Print("QCB-1", null);                                  // QC, nothing printed: both numbers missing
        Print("NS-A", BadCheckDigit);                          // HST with a BN failing its check digit
        Print("SVC-A", GstOnly);                               // QC tax, GST number only: QST number missing
        Print("SK-A", GstOnly);                                // SK, GST + PST: the GST number is enough
        Print("BC-A", new string('x', 1_500));                 // a long string, no number: kept out of the main index
        Print("MB-A", new string('y', 1_200) + " " + TaxLedger.ValidNumbers); // long, valid
        Print("X-ON-BAD", "");                                 // projectless, empty
        Print("QC-CN", null);                                  // credit note of -100 $ taxed: |total| over the threshold
        Print("QC-VOID", null);                                // void: skipped
        Print("ON-A", null, i => i with { Subtotal = 50m, Hst = 6.50m, Total = 56.50m, Balance = 56.50m }); // under the threshold
        Print("NS-B", "garbage RT 12");                        // no number at all
        return b.Build();
    }

    [Fact]
    public async Task RunAsync_BoundaryLedger_ReturnsExactlyWhereTheRuleReports()
    {
        // Arrange
        var tenant = await ImportAsync(Boundaries());

        // Act
        var run = await _harness.RunAsync(tenant, new RegistrationScreen(), new RuleSettings(), TaxLedger.AsOf);

        // Assert
        Assert.Equal(
            ["BC-A", "NS-A", "NS-B", "QC-CN", "QCB-1", "SVC-A", "X-ON-BAD"],
            run.Findings.Select(f => f.Subject.Id).Order(StringComparer.Ordinal));
        Assert.Empty(run.Missed);
        AssertExact(run);
    }

    [Fact]
    public async Task RunAsync_RaisedThreshold_FollowsTheSetting()
    {
        // Arrange
        var tenant = await ImportAsync(Boundaries());

        // Act: only invoices of 1 000 $ and more
        var run = await _harness.RunAsync(tenant, new RegistrationScreen(), new RuleSettings { RegistrationNumberThreshold = 1_000m }, TaxLedger.AsOf);

        // Assert
        Assert.DoesNotContain(run.Findings, f => f.Subject.Id == "QC-CN");
        Assert.Empty(run.Missed);
        AssertExact(run);
    }

    [Fact]
    public async Task RunAsync_EveryInvoicePrintsValidNumbers_ReturnsNothing()
    {
        // Arrange
        var tenant = await ImportAsync(TaxLedger.Build().Build());

        // Act
        var run = await _harness.RunAsync(tenant, new RegistrationScreen(), new RuleSettings(), TaxLedger.AsOf);

        // Assert
        Assert.Empty(run.Findings);
        Assert.Empty(run.Result.ProjectIds);
        Assert.Empty(run.Result.InvoiceIds);
    }

    [Theory]
    [InlineData("2026-01-01")]
    [InlineData("2026-11-20")]
    public async Task RunAsync_SampleOperatorAtAsOf_ReturnsExactlyWhereTheRuleReports(string asOfText)
    {
        // Arrange
        var asOf = DateOnly.Parse(asOfText, CultureInfo.InvariantCulture);
        var tenant = await ImportAsync(SampleOperatorGenerator.Generate(asOf: asOf).ToBatch());

        // Act
        var run = await _harness.RunAsync(tenant, new RegistrationScreen(), new RuleSettings(), asOf);

        // Assert
        Assert.NotEmpty(run.Findings);
        Assert.Empty(run.Missed);
        AssertExact(run);
        Assert.True(run.Result.ProjectIds.Count < run.Ledger.Projects.Count / 2);
    }

    // Nothing returned that the rule does not report on (so a screen returning everything fails).
    private static void AssertExact(ScreenRun run)
    {
        var invoices = run.Findings.Select(f => run.Ledger.Invoice(f.Subject.Id)!).ToList();
        Assert.Equal(
            invoices.Where(i => i.ProjectId is not null).Select(i => i.ProjectId!).Distinct().Order(StringComparer.Ordinal),
            run.Result.ProjectIds.Order(StringComparer.Ordinal));
        Assert.Equal(
            invoices.Where(i => i.ProjectId is null).Select(i => i.InvoiceId).Order(StringComparer.Ordinal),
            run.Result.InvoiceIds.Order(StringComparer.Ordinal));
    }
}
