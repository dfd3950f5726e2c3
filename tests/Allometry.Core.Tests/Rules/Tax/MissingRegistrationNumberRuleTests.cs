namespace Allometry.Core.Tests.Rules.Tax;

using Allometry.Core.Ledger;
using Allometry.Core.Rules;
using Allometry.Core.Rules.Tax;

public sealed class MissingRegistrationNumberRuleTests
{
    private static readonly MissingRegistrationNumberRule Rule = new();

    private static TestLedger Ontario(decimal subtotal, string? printed, Func<Invoice, Invoice>? with = null) =>
        new TestLedger().Payer("P1", Province.ON).Project("PRJ", "P1", Province.ON)
            .Invoice("F1", "P1", "PRJ", subtotal, with: i => (with ?? (x => x))(i with { RegistrationNumbers = printed }));

    private static TestLedger Quebec(string? printed) =>
        new TestLedger().Payer("P1", Province.QC).Project("PRJ", "P1", Province.QC)
            .Invoice("F1", "P1", "PRJ", 1000m, with: i => i with { RegistrationNumbers = printed });

    [Fact]
    public void Evaluate_HstChargedWithNoNumber_MediumAmountIsTheHst()
    {
        // Arrange
        var ledger = Ontario(1000m, null);

        // Act
        var finding = Assert.Single(ledger.Run(Rule));

        // Assert
        Assert.Equal("MissingRegistrationNumber", finding.RuleId);
        Assert.Equal(Severity.Medium, finding.Severity);
        Assert.Equal(new FindingSubject(SubjectKind.Invoice, "F1"), finding.Subject);
        Assert.Equal(130.00m, finding.AmountAtRisk);
        Assert.Contains(finding.Evidence, e => e is { Field: "registration_numbers", Expected: "123456782RT0001", Actual: null });
        Assert.Contains(finding.Evidence, e => e is { Field: "hst", Actual: "130.00" });
        TaxedInvoice.AssertBilingual(finding);
    }

    [Fact]
    public void Evaluate_BusinessNumberWithABadCheckDigit_FoundAndNamed()
    {
        // Arrange
        var ledger = Ontario(1000m, "TPS/TVH 123456789 RT0001");

        // Act
        var finding = Assert.Single(ledger.Run(Rule));

        // Assert
        Assert.Contains("123456789RT0001", finding.Detail.En, StringComparison.Ordinal);
        Assert.Contains("chiffre de contrôle", finding.Detail.Fr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(88.49, false)] // total 99.99
    [InlineData(88.50, true)]  // total 100.01 (HST 11.51)
    public void Evaluate_AroundTheThreshold_FoundFrom100(double subtotal, bool found)
    {
        // Arrange
        var ledger = Ontario((decimal)subtotal, null);

        // Act
        var findings = ledger.Run(Rule);

        // Assert
        Assert.Equal(found, findings.Count == 1);
    }

    [Fact]
    public void Evaluate_TotalOfExactly100_Found()
    {
        // Arrange
        var ledger = Ontario(90.00m, "", i => i.Taxed(hst: 10.00m));

        // Act
        var finding = Assert.Single(ledger.Run(Rule));

        // Assert
        Assert.Equal(10.00m, finding.AmountAtRisk);
    }

    [Fact]
    public void Evaluate_QstChargedWithOnlyTheGstNumber_AmountIsTheQst()
    {
        // Arrange
        var ledger = Quebec("123456782RT0001");

        // Act
        var finding = Assert.Single(ledger.Run(Rule));

        // Assert
        Assert.Equal(99.75m, finding.AmountAtRisk);
        Assert.Contains("QST number", finding.Title.En, StringComparison.Ordinal);
        Assert.Contains("TVQ", finding.Title.Fr, StringComparison.Ordinal);
        Assert.Contains(finding.Evidence, e => e is { Field: "registration_numbers", Expected: "1234567890TQ0001" });
    }

    [Fact]
    public void Evaluate_QstNumberOnly_AmountIsTheGst()
    {
        // Arrange
        var ledger = Quebec("TVQ 1234567890 TQ 0001");

        // Act
        var finding = Assert.Single(ledger.Run(Rule));

        // Assert
        Assert.Equal(50.00m, finding.AmountAtRisk);
    }

    [Fact]
    public void Evaluate_NeitherNumber_AmountIsAllTheTax()
    {
        // Arrange
        var ledger = Quebec("Merci de votre confiance");

        // Act
        var finding = Assert.Single(ledger.Run(Rule));

        // Assert
        Assert.Equal(149.75m, finding.AmountAtRisk);
        Assert.Contains("GST/HST and QST", finding.Title.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_BothValidNumbers_NoFinding()
    {
        // Arrange
        var ledger = Quebec("GST 123456782 RT0001 / QST 1234567890 TQ0001");

        // Act
        var findings = ledger.Run(Rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_NoTaxCharged_NoFinding()
    {
        // Arrange: an exempt or zero-rated supply needs no number.
        var ledger = Ontario(5000m, null, i => i.Taxed());

        // Act
        var findings = ledger.Run(Rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_PstOnlyWithoutANumber_NotChecked()
    {
        // Arrange: PST is backed by a provincial number the contract does not carry.
        var ledger = new TestLedger().Payer("P1", Province.BC).Project("PRJ", "P1", Province.BC)
            .Invoice("F1", "P1", "PRJ", 1000m, with: i => i.Taxed(pst: 70.00m) with { RegistrationNumbers = null });

        // Act
        var findings = ledger.Run(Rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_CreditNoteWithoutANumber_FoundWithAPositiveAmount()
    {
        // Arrange
        var ledger = Ontario(-1000m, null);

        // Act
        var finding = Assert.Single(ledger.Run(Rule));

        // Assert
        Assert.Equal(130.00m, finding.AmountAtRisk);
    }

    [Fact]
    public void Evaluate_SmallCreditNote_BelowTheThreshold()
    {
        // Arrange
        var ledger = Ontario(-50m, null);

        // Act
        var findings = ledger.Run(Rule);

        // Assert
        Assert.Empty(findings);
    }

    [Theory]
    [InlineData(InvoiceOrigin.AgingDetail, InvoiceStatus.Open)]
    [InlineData(InvoiceOrigin.AgingSummary, InvoiceStatus.Open)]
    [InlineData(InvoiceOrigin.Workbook, InvoiceStatus.Void)]
    public void Evaluate_AgingRowOrVoidInvoice_Skipped(InvoiceOrigin origin, InvoiceStatus status)
    {
        // Arrange
        var ledger = Ontario(1000m, null, i => i with { Origin = origin, Status = status });

        // Act
        var findings = ledger.Run(Rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_ThresholdFromSettings_Honoured()
    {
        // Arrange
        var ledger = Ontario(1000m, null);

        // Act
        var findings = ledger.Run(Rule, new RuleSettings { RegistrationNumberThreshold = 5000m });

        // Assert
        Assert.Empty(findings);
    }
}
