namespace Allometry.Core.Tests.Rules.Deposits;

using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.Rules;
using Allometry.Core.Rules.Deposits;

public sealed class RenewalPrebillDueRuleTests
{
    private static readonly DateOnly AsOf = TestLedger.AsOf;
    private readonly RenewalPrebillDueRule _rule = new();

    /// <summary>A 6,000.00 maintenance contract renewing <paramref name="daysAway"/> days from the as-of date, last billed a year before.</summary>
    private static TestLedger Contract(int daysAway, bool? active = true)
    {
        var renewal = AsOf.AddDays(daysAway);
        var ledger = new TestLedger().Payer("P1")
            .Project("PRJ", "P1", Province.QC, p => p with { Status = ProjectStatus.Active })
            .Invoice("S0", "P1", "PRJ", 6_000.00m, InvoiceKind.Service, issued: renewal.AddDays(-385), balance: 0m);
        ledger.Contracts.Add(new ServiceContract
        {
            ContractId = "SC1", PayerId = "P1", ProjectId = "PRJ", AnnualFee = 6_000.00m, RenewalDate = renewal,
            ServiceActive = active, LastRenewalInvoiceId = "S0",
        });
        return ledger;
    }

    [Theory]
    [InlineData(61, null)]
    [InlineData(60, Severity.Medium)]
    [InlineData(45, Severity.Medium)]
    [InlineData(31, Severity.Medium)]
    [InlineData(30, Severity.High)]
    [InlineData(1, Severity.High)]
    [InlineData(0, Severity.High)] // renewal today has not lapsed yet
    [InlineData(-1, Severity.Critical)]
    public void Evaluate_DaysToRenewal_SetsTheSeverity(int daysAway, Severity? expected)
    {
        // Arrange
        var ledger = Contract(daysAway);

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Equal(expected, findings.SingleOrDefault()?.Severity);
    }

    [Fact]
    public void Evaluate_RenewalIn45Days_AmountIsTheAnnualFee()
    {
        // Arrange
        var ledger = Contract(45);

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        Assert.Equal(new FindingSubject(SubjectKind.ServiceContract, "SC1"), finding.Subject);
        Assert.Equal(6_000.00m, finding.AmountAtRisk);
        Assert.Equal("P1", finding.PayerId);
        Assert.Equal("PRJ", finding.ProjectId);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(null, true)]
    public void Evaluate_LapsedContract_CriticalUnlessTheServiceStopped(bool? active, bool flagged)
    {
        // Arrange
        var ledger = Contract(-15, active);

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Equal(flagged, findings.Count == 1);
        if (flagged) Assert.Equal(Severity.Critical, findings[0].Severity);
    }

    [Fact]
    public void Evaluate_ComingTermAlreadyInvoiced_NoFinding()
    {
        // Arrange
        var ledger = Contract(20).Invoice("S1", "P1", "PRJ", 6_000.00m, InvoiceKind.Service, issued: AsOf.AddDays(-3));

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_ComingTermInvoiceVoided_StillFlagged()
    {
        // Arrange
        var ledger = Contract(20).Invoice("S1", "P1", "PRJ", 6_000.00m, InvoiceKind.Service, issued: AsOf.AddDays(-3),
            with: i => i with { Status = InvoiceStatus.Void });

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Single(findings);
    }

    [Fact]
    public void Evaluate_LastYearsInvoiceSentLate_StillBillsTheCurrentTerm()
    {
        // Arrange: last year's renewal was invoiced 40 days after it, more than six months before this one.
        var ledger = Contract(20);
        ledger.Invoices[0] = ledger.Invoices[0] with { IssueDate = AsOf.AddDays(20).AddYears(-1).AddDays(40) };

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Single(findings);
    }

    [Fact]
    public void Evaluate_ContractWithoutProject_UsesTheNamedRenewalInvoice()
    {
        // Arrange
        var ledger = new TestLedger().Payer("P1").Invoice("S1", "P1", null, 6_000.00m, InvoiceKind.Service, issued: AsOf.AddDays(-10));
        ledger.Contracts.Add(new ServiceContract
        {
            ContractId = "SC1", PayerId = "P1", AnnualFee = 6_000.00m, RenewalDate = AsOf.AddDays(20), LastRenewalInvoiceId = "S1",
        });

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_NoticeWindowsFromSettings_AreHonoured()
    {
        // Arrange
        var ledger = Contract(75);

        // Act
        var finding = Assert.Single(ledger.Run(_rule, RuleSettings.Default with { RenewalNoticeDays = 90, RenewalUrgentDays = 75 }));

        // Assert
        Assert.Equal(Severity.High, finding.Severity);
    }

    [Theory]
    [InlineData(45)]
    [InlineData(0)]
    [InlineData(-15)]
    public void Evaluate_Finding_SpeaksBothLanguagesWithEvidence(int daysAway)
    {
        // Arrange
        var ledger = Contract(daysAway);

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        FindingAssert.IsBilingualWithEvidence(finding);
        FindingAssert.DetailStates(finding, 6_000.00m);
        Assert.Contains(finding.Evidence, e => e is { Sheet: LedgerSheets.ServiceContracts, RowId: "SC1", Field: "renewal_date" });
        Assert.Contains(finding.Evidence, e => e is { Sheet: LedgerSheets.Invoices, RowId: "S0", Field: "issue_date" });
    }

    [Fact]
    public void RequiredSheets_AreContractsAndInvoices()
    {
        // Act
        var sheets = _rule.RequiredSheets;

        // Assert
        Assert.Equal([LedgerSheets.Invoices, LedgerSheets.ServiceContracts], sheets.Order(StringComparer.Ordinal));
    }
}
