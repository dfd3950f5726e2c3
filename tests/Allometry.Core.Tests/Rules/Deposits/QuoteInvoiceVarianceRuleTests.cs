namespace Allometry.Core.Tests.Rules.Deposits;

using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.Rules;
using Allometry.Core.Rules.Deposits;

public sealed class QuoteInvoiceVarianceRuleTests
{
    private static readonly DateOnly AsOf = TestLedger.AsOf;
    private readonly QuoteInvoiceVarianceRule _rule = new();

    /// <summary>A project quoted at <paramref name="quote"/> with a 50 % deposit invoiced; the rest is up to each test.</summary>
    private static TestLedger Quoted(decimal quote = 100_000.00m, ProjectStatus status = ProjectStatus.Active) => new TestLedger()
        .Payer("P1", Province.ON)
        .Project("PRJ", "P1", Province.ON, p => p with { Status = status })
        .Quote("Q1", "PRJ", quote, AsOf.AddDays(-90), 50m)
        .Invoice("D1", "P1", "PRJ", quote / 2m, InvoiceKind.Deposit, issued: AsOf.AddDays(-90));

    /// <summary>The quote billed to <paramref name="invoiced"/> in all, the rest on a final invoice.</summary>
    private static TestLedger Completed(decimal invoiced, decimal quote = 100_000.00m) =>
        Quoted(quote).Invoice("F1", "P1", "PRJ", invoiced - (quote / 2m), InvoiceKind.Final, issued: AsOf.AddDays(-20));

    [Theory]
    [InlineData("97999.99", true)]
    [InlineData("98000.00", false)]
    public void Evaluate_CompletedAroundTheLeakageFloor_HighBelowNinetyEightPercent(string invoiced, bool flagged)
    {
        // Arrange
        var ledger = Completed(decimal.Parse(invoiced, System.Globalization.CultureInfo.InvariantCulture));

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Equal(flagged, findings.Count == 1);
        if (flagged)
        {
            Assert.Equal(Severity.High, findings[0].Severity);
            Assert.Equal(2_000.01m, findings[0].AmountAtRisk);
            Assert.Equal(new FindingSubject(SubjectKind.Project, "PRJ"), findings[0].Subject);
        }
    }

    [Theory]
    [InlineData("102000.00", "100000.00", false)] // allowance max(500, 2 %) = 2,000.00
    [InlineData("102000.01", "100000.00", true)]
    [InlineData("10500.00", "10000.00", false)]   // allowance max(500, 200) = 500.00
    [InlineData("10500.01", "10000.00", true)]
    public void Evaluate_CompletedAroundTheOverBillingAllowance_HighBeyondIt(string invoiced, string quote, bool flagged)
    {
        // Arrange
        var i = decimal.Parse(invoiced, System.Globalization.CultureInfo.InvariantCulture);
        var q = decimal.Parse(quote, System.Globalization.CultureInfo.InvariantCulture);
        var ledger = Completed(i, q);

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Equal(flagged, findings.Count == 1);
        if (flagged)
        {
            Assert.Equal(Severity.High, findings[0].Severity);
            Assert.Equal(i - q, findings[0].AmountAtRisk);
        }
    }

    [Theory]
    [InlineData("110000.00", false)]
    [InlineData("110000.01", true)]
    public void Evaluate_MidProjectAroundTenPercentDrift_MediumBeyondIt(string invoiced, bool flagged)
    {
        // Arrange
        var ledger = Quoted().Invoice("F1", "P1", "PRJ", decimal.Parse(invoiced, System.Globalization.CultureInfo.InvariantCulture) - 50_000.00m);

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Equal(flagged, findings.Count == 1);
        if (flagged)
        {
            Assert.Equal(Severity.Medium, findings[0].Severity);
            Assert.Equal(10_000.01m, findings[0].AmountAtRisk);
        }
    }

    [Theory]
    [InlineData(60_000.00)]  // work to come
    [InlineData(105_000.00)] // above the quote, but a change order may still come before the final invoice
    public void Evaluate_MidProjectWithinTenPercent_NoFinding(double invoiced)
    {
        // Arrange
        var ledger = Quoted().Invoice("F1", "P1", "PRJ", (decimal)invoiced - 50_000.00m);

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_HoldbackBilledNetThenReleased_CountsTheWorkOnce()
    {
        // Arrange: 50,000 of work billed net of a 10 % holdback, then the holdback billed for release.
        var ledger = Quoted()
            .Invoice("F1", "P1", "PRJ", 45_000.00m, InvoiceKind.Final, issued: AsOf.AddDays(-60), with: i => i with { RetainageHeld = 5_000.00m })
            .Invoice("R1", "P1", "PRJ", 5_000.00m, InvoiceKind.RetainageRelease, issued: AsOf.AddDays(-5));

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_HoldbackIgnored_WouldLeak_SoHeldAmountsCount()
    {
        // Arrange: the same work without the retainage_held column reads as 5 % short.
        var ledger = Quoted().Invoice("F1", "P1", "PRJ", 45_000.00m, InvoiceKind.Final, issued: AsOf.AddDays(-60));

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        Assert.Equal(5_000.00m, finding.AmountAtRisk);
    }

    [Fact]
    public void Evaluate_VoidInvoice_DoesNotCount()
    {
        // Arrange
        var ledger = Completed(100_000.00m).Invoice("X1", "P1", "PRJ", 9_000.00m, issued: AsOf.AddDays(-10), with: i => i with { Status = InvoiceStatus.Void });

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_CreditNoteAfterTheFinal_ReducesWhatWasInvoiced()
    {
        // Arrange
        var ledger = Completed(100_000.00m).Invoice("C1", "P1", "PRJ", -3_000.00m, InvoiceKind.Other, issued: AsOf.AddDays(-10));

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        Assert.Equal(3_000.00m, finding.AmountAtRisk);
    }

    [Theory]
    [InlineData(ProjectStatus.Closed, true)]
    [InlineData(ProjectStatus.Installed, false)]
    public void Evaluate_UnderBilledWithoutFinalInvoice_LeakageOnlyOnceClosed(ProjectStatus status, bool flagged)
    {
        // Arrange
        var ledger = Quoted(status: status).Invoice("F1", "P1", "PRJ", 40_000.00m);

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Equal(flagged, findings.Count == 1);
    }

    [Fact]
    public void Evaluate_CompletionDateReached_CountsAsCompleted()
    {
        // Arrange
        var ledger = new TestLedger().Payer("P1", Province.ON)
            .Project("PRJ", "P1", Province.ON, p => p with { CompletedOn = AsOf })
            .Quote("Q1", "PRJ", 100_000.00m, AsOf.AddDays(-90), 50m)
            .Invoice("F1", "P1", "PRJ", 90_000.00m);

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        Assert.Equal(Severity.High, finding.Severity);
        Assert.Equal(10_000.00m, finding.AmountAtRisk);
    }

    [Fact]
    public void Evaluate_AcceptedQuoteButNothingInvoiced_NoFinding()
    {
        // Arrange
        var ledger = new TestLedger().Payer("P1").Project("PRJ", "P1", Province.QC, p => p with { Status = ProjectStatus.Closed })
            .Quote("Q1", "PRJ", 100_000.00m, AsOf.AddDays(-90), 50m);

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_ExpiredEarlierVersion_IsNotTheQuote()
    {
        // Arrange
        var ledger = Completed(100_000.00m).Quote("Q0", "PRJ", 120_000.00m, null, 50m, QuoteStatus.Expired);

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_Finding_SpeaksBothLanguagesWithEvidence()
    {
        // Arrange
        var ledger = Completed(94_000.00m);

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        FindingAssert.IsBilingualWithEvidence(finding);
        FindingAssert.DetailStates(finding, 6_000.00m);
        Assert.Contains(finding.Evidence, e => e is { Sheet: LedgerSheets.Quotes, RowId: "Q1", Field: "total_ex_tax", Actual: "100000.00" });
        Assert.Contains(finding.Evidence, e => e is { Sheet: LedgerSheets.Invoices, RowId: "F1", Field: "subtotal", Actual: "44000.00" });
        Assert.Contains(finding.Evidence, e => e is { Field: "invoiced_ex_tax", Expected: ">= 98000.00", Actual: "94000.00" });
    }

    [Fact]
    public void RequiredSheets_AreQuotesAndInvoices()
    {
        // Act
        var sheets = _rule.RequiredSheets;

        // Assert
        Assert.Equal([LedgerSheets.Invoices, LedgerSheets.Quotes], sheets.Order(StringComparer.Ordinal));
    }
}
