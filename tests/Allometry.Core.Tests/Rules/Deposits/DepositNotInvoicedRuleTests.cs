namespace Allometry.Core.Tests.Rules.Deposits;

using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.Rules;
using Allometry.Core.Rules.Deposits;

public sealed class DepositNotInvoicedRuleTests
{
    // TestLedger.AsOf, 2026-11-20, is a Friday.
    private static readonly DateOnly Friday = TestLedger.AsOf;
    private readonly DepositNotInvoicedRule _rule = new();

    private static TestLedger Accepted(DateOnly acceptedOn, decimal? pct = 30m, QuoteStatus status = QuoteStatus.Accepted) => new TestLedger()
        .Payer("P1", Province.BC)
        .Project("PRJ", "P1", Province.BC, p => p with { Status = ProjectStatus.Active })
        .Quote("Q1", "PRJ", 200_000.00m, acceptedOn, pct, status);

    [Fact]
    public void Evaluate_AcceptedAWeekAgoWithoutDepositInvoice_MediumOnTheQuote()
    {
        // Arrange
        var ledger = Accepted(Friday.AddDays(-7));

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        Assert.Equal(Severity.Medium, finding.Severity);
        Assert.Equal(new FindingSubject(SubjectKind.Quote, "Q1"), finding.Subject);
        Assert.Equal(60_000.00m, finding.AmountAtRisk);
        Assert.Equal("PRJ", finding.ProjectId);
        Assert.Equal("P1", finding.PayerId);
    }

    [Theory]
    [InlineData(-2, false)] // Wednesday: Thursday and Friday are the two business days of grace
    [InlineData(-3, true)]  // Tuesday: the third business day has passed
    public void Evaluate_TwoBusinessDaysBoundary_FlagsOnlyAfterTheGrace(int acceptedOffset, bool flagged)
    {
        // Arrange
        var ledger = Accepted(Friday.AddDays(acceptedOffset));

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Equal(flagged, findings.Count == 1);
    }

    [Theory]
    [InlineData(3, false)] // accepted Friday, as of Monday: one business day
    [InlineData(4, false)] // as of Tuesday: two business days, the weekend does not count
    [InlineData(5, true)]  // as of Wednesday
    public void Evaluate_AcceptanceBeforeAWeekend_SkipsSaturdayAndSunday(int asOfOffset, bool flagged)
    {
        // Arrange
        var ledger = Accepted(Friday);

        // Act
        var findings = ledger.Run(_rule, asOf: Friday.AddDays(asOfOffset));

        // Assert
        Assert.Equal(flagged, findings.Count == 1);
    }

    [Fact]
    public void Evaluate_GraceFromSettings_IsHonoured()
    {
        // Arrange
        var ledger = Accepted(Friday.AddDays(-7));

        // Act
        var findings = ledger.Run(_rule, RuleSettings.Default with { DepositInvoiceGraceBusinessDays = 5 });

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_DepositInvoiceIssued_NoFinding()
    {
        // Arrange
        var ledger = Accepted(Friday.AddDays(-7)).Invoice("D1", "P1", "PRJ", 60_000.00m, InvoiceKind.Deposit, issued: Friday.AddDays(-6));

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_OnlyAVoidDepositInvoice_StillFlagged()
    {
        // Arrange
        var ledger = Accepted(Friday.AddDays(-7))
            .Invoice("D1", "P1", "PRJ", 60_000.00m, InvoiceKind.Deposit, issued: Friday.AddDays(-6), with: i => i with { Status = InvoiceStatus.Void });

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Single(findings);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    public void Evaluate_NoDepositTerms_NoFinding(int? pct)
    {
        // Arrange
        var ledger = Accepted(Friday.AddDays(-7), pct);

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_QuoteSentNotAccepted_NoFinding()
    {
        // Arrange
        var ledger = Accepted(Friday.AddDays(-7), status: QuoteStatus.Sent);

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_Finding_SpeaksBothLanguagesWithEvidence()
    {
        // Arrange
        var ledger = Accepted(Friday.AddDays(-7));

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        FindingAssert.IsBilingualWithEvidence(finding);
        FindingAssert.DetailStates(finding, 60_000.00m);
        Assert.Contains(finding.Evidence, e => e is { Sheet: LedgerSheets.Quotes, RowId: "Q1", Field: "accepted_on", Actual: "2026-11-13" });
        // Accepted Friday the 13th: Monday and Tuesday are the grace, the invoice was due by Tuesday the 17th.
        Assert.Contains(finding.Evidence, e => e is { Sheet: LedgerSheets.Projects, RowId: "PRJ", Expected: "issued by 2026-11-17" });
        Assert.Contains("5 business days", finding.Detail.En, StringComparison.Ordinal);
        Assert.Contains("5 jours ouvrables", finding.Detail.Fr, StringComparison.Ordinal);
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
